// files.mjs: files the walks upload, made in memory.

import zlib from 'node:zlib';

// A w x h PNG with a gradient (what a scanner or a phone gives, small).
export function png(w, h) {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (b) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
	const chunk = (type, data) => {
		const t = Buffer.concat([Buffer.from(type), data]);
		const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
		const c = Buffer.alloc(4); c.writeUInt32BE(crc(t));
		return Buffer.concat([len, t, c]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
	const rows = Buffer.alloc((w * 3 + 1) * h);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const o = y * (w * 3 + 1) + 1 + x * 3;
			rows[o] = (x * 255 / w) | 0; rows[o + 1] = (y * 255 / h) | 0; rows[o + 2] = 160;
		}
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
