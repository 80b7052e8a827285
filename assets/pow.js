/*
 * pow.js: the proof of work of the public forms (issue 13; the server side
 * is src/core/pow.h).  A form with data-pow="N" carries its challenge in
 * the hidden field "csrf"; this script finds a decimal nonce such that
 * SHA-256(challenge || nonce) starts with N zero bits and puts it in the
 * hidden field "pow".  It starts when the page loads (in slices, so the
 * page stays responsive); a form sent before the answer is found waits for
 * it and then goes.  SHA-256 is computed here in plain JavaScript: the
 * browser's own (WebCrypto) exists only over HTTPS and is asynchronous.
 * Without JavaScript the page says why it cannot be sent (a <noscript>).
 */
(function () {
	'use strict';

	var K = [
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
		0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
		0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
		0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
		0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
		0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
		0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
	];
	var W = new Array(64);

	/* SHA-256 of an ASCII string: the eight words of the digest. */
	function sha256(s) {
		var n = s.length, blocks = ((n + 9 + 63) >> 6), words = new Array(blocks * 16);
		var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
		var i, j, t1, t2, a, b, c, d, e, f, g, hh, x, y;

		for (i = 0; i < words.length; i++)
			words[i] = 0;
		for (i = 0; i < n; i++)
			words[i >> 2] |= (s.charCodeAt(i) & 0xff) << (24 - (i & 3) * 8);
		words[n >> 2] |= 0x80 << (24 - (n & 3) * 8);
		words[words.length - 1] = n * 8;
		for (j = 0; j < words.length; j += 16) {
			for (i = 0; i < 16; i++)
				W[i] = words[j + i];
			for (i = 16; i < 64; i++) {
				x = W[i - 15];
				y = W[i - 2];
				W[i] = (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) +
				       W[i - 7] +
				       (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) +
				       W[i - 16] | 0;
			}
			a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; hh = h[7];
			for (i = 0; i < 64; i++) {
				t1 = hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
				     ((e & f) ^ (~e & g)) + K[i] + W[i] | 0;
				t2 = (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
				     ((a & b) ^ (a & c) ^ (b & c)) | 0;
				hh = g; g = f; f = e; e = d + t1 | 0;
				d = c; c = b; b = a; a = t1 + t2 | 0;
			}
			h[0] = h[0] + a | 0; h[1] = h[1] + b | 0; h[2] = h[2] + c | 0; h[3] = h[3] + d | 0;
			h[4] = h[4] + e | 0; h[5] = h[5] + f | 0; h[6] = h[6] + g | 0; h[7] = h[7] + hh | 0;
		}
		return h;
	}

	/* 1 when the digest h starts with bits zero bits. */
	function leadingZeros(h, bits) {
		for (var i = 0; bits > 0; i++, bits -= 32) {
			var mask = bits >= 32 ? 0xffffffff : ~(0xffffffff >>> bits);
			if (h[i] & mask)
				return false;
		}
		return true;
	}

	function solve(form) {
		var bits = parseInt(form.getAttribute('data-pow'), 10) || 0;
		var challenge = form.elements.csrf ? form.elements.csrf.value : '';
		var out = form.elements.pow;
		var nonce = 0;

		if (!out || !challenge)
			return;
		function slice() {
			for (var k = 0; k < 4000; k++, nonce++) {
				if (leadingZeros(sha256(challenge + nonce), bits)) {
					out.value = String(nonce);
					form.setAttribute('data-pow-done', '1');
					if (form.getAttribute('data-pow-waiting'))
						form.submit();
					return;
				}
			}
			window.setTimeout(slice, 0);
		}
		slice();
	}

	/* A form sent before its answer is found waits for it. */
	document.addEventListener('submit', function (ev) {
		var form = ev.target, note;

		if (!form || !form.hasAttribute || !form.hasAttribute('data-pow') ||
		    form.getAttribute('data-pow-done'))
			return;
		ev.preventDefault();
		form.setAttribute('data-pow-waiting', '1');
		if (!form.querySelector('.pow-wait')) {
			note = document.createElement('p');
			note.className = 'hint pow-wait';
			note.setAttribute('role', 'status');
			note.textContent = '正在完成提交验证，请稍候，完成后自动提交……';
			form.appendChild(note);
		}
	}, true);

	function start() {
		var forms = document.querySelectorAll('form[data-pow]');
		for (var i = 0; i < forms.length; i++)
			solve(forms[i]);
	}
	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
})();
