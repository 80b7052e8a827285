#!/usr/bin/env python3
# qr_modules.py FILE: the dark modules of a QR code as lines "x y", sorted,
# the quiet zone included in the coordinates, then a last line "size N"
# (modules a side).  FILE is either the SVG that core/qr.c writes (the
# HTML pages: a viewBox and one path of "Mx yhNv1h-Nz" runs) or the PNG
# of the same symbol (qr_png: each module a square of 10 pixels; read with
# the standard library: 8-bit or less palette or greyscale, the five row
# filters).  Two files of one symbol print the same lines.  Used by t205
# where no QR decoder is installed.
import re
import struct
import sys
import zlib

MODULE = 10


def svg_modules(text):
    n = int(re.search(r'viewBox="0 0 (\d+) \d+"', text).group(1))
    dark = set()
    for x, y, run in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", text):
        for i in range(int(run)):
            dark.add((int(x) + i, int(y)))
    return n, dark


def png_rows(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, plte = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            plte = [body[i:i + 3] for i in range(0, len(body), 3)]
        elif kind == b"IDAT":
            idat += body
    assert ctype in (0, 3) and depth <= 8 and not interlace, "unsupported PNG"
    raw = zlib.decompress(idat)
    stride = (w * depth + 7) // 8
    bpp = 1
    prev = bytearray(stride)
    rows, p = [], 0
    for _ in range(h):
        f, line = raw[p], bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        prev = line
        vals = []
        for x in range(w):
            bit = x * depth
            v = (line[bit // 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1)
            if ctype == 3:
                v = sum(plte[v]) // 3
            else:
                v = v * 255 // ((1 << depth) - 1)
            vals.append(v)
        rows.append(vals)
    return w, h, rows


def png_modules(data):
    w, h, rows = png_rows(data)
    assert w == h and w % MODULE == 0, "not a square of whole modules"
    n = w // MODULE
    dark = set()
    for my in range(n):
        for mx in range(n):
            if rows[my * MODULE + MODULE // 2][mx * MODULE + MODULE // 2] < 128:
                dark.add((mx, my))
    return n, dark


def main():
    data = open(sys.argv[1], "rb").read()
    n, dark = png_modules(data) if data[:4] == b"\x89PNG" else svg_modules(data.decode())
    for x, y in sorted(dark, key=lambda m: (m[1], m[0])):
        print(x, y)
    print("size", n)


main()
