#!/usr/bin/env python3
# xlsx_rows.py FILE [N]: sheet N (default 1) of an .xlsx as lines of
# tab-separated cell values (shared and inline strings resolved, numbers
# as written), one line per row; standard library only.  Used by the
# export tests (t183) to count rows and read headers.
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def text_of(si):
    return "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))


def main(path, n="1"):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        shared = [text_of(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    sheet = ET.fromstring(z.read("xl/worksheets/sheet%s.xml" % n))
    for row in sheet.find("m:sheetData", NS).findall("m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            t = c.get("t")
            v = c.find("m:v", NS)
            if t == "s":
                val = shared[int(v.text)]
            elif t == "inlineStr":
                val = text_of(c.find("m:is", NS))
            else:
                val = v.text if v is not None else ""
            cells[col_index(c.get("r"))] = val
        width = max(cells) + 1 if cells else 0
        print("\t".join(cells.get(i, "") for i in range(width)))


main(*sys.argv[1:3])
