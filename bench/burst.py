#!/usr/bin/env python3
"""burst.py: the client side of bench/burst.sh (bench/README.md, "Public
reports: a burst of 1,000").

  burst.py submit BASE N CLIENTS OUT.json
      N citizens, CLIENTS at a time (threads, one keep-alive connection
      each): each GETs /p/report for its csrf token, solves the proof of
      work the form asks for, and posts the form as multipart with 1-3
      attachments (PNG or PDF, 8 KiB to 400 KiB, every one distinct), from
      its own address (X-Forwarded-For 10.a.b.c: the server trusts the
      proxy 127.0.0.1).  OUT.json: per report its marker, query code,
      status and latency, and the SHA-256 of each file sent.
  burst.py query BASE CLIENTS OUT.json
      every query code of OUT.json on /p/query (again with a proof of work,
      from the same address): prints "status COUNT" lines.

The proof of work is the client's cost (the bench sets pow_bits low), so
the latency measured is the POST's alone: from the first byte sent to the
answer read.
"""
import hashlib
import http.client
import json
import os
import re
import struct
import sys
import threading
import time
import urllib.parse
import zlib

CSRF = re.compile(rb'name="csrf" value="([^"]*)"')
POW = re.compile(rb'data-pow="([0-9]+)"')
CODE = re.compile(rb'id="query-code">([0-9 ]+)<')
STATUS = re.compile(rb'<dt>\xe5\x8a\x9e\xe7\x90\x86\xe7\x8a\xb6\xe6\x80\x81</dt>\s*<dd>([^<]*)</dd>')


def addr(i):
    """The i-th citizen's address (10.0.0.1 ...): one per citizen."""
    i += 1
    return "10.%d.%d.%d" % ((i >> 16) & 255, (i >> 8) & 255, i & 255)


def solve(token, bits):
    c, n = token.encode(), 0
    while int.from_bytes(hashlib.sha256(c + str(n).encode()).digest(), "big") >> (256 - bits):
        n += 1
    return str(n)


def png(size, rnd):
    """A PNG of random pixels whose file is about size bytes."""
    w = 128
    h = max(1, size // (w * 3))
    rows = b"".join(b"\0" + rnd(w * 3) for _ in range(h))

    def chunk(t, b):
        return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b""))


def pdf(size, rnd):
    return b"%PDF-1.4\n" + rnd(size) + b"\n%%EOF\n"


def files_of(i):
    """1-3 files for report i, sizes spread from 8 KiB to 400 KiB."""
    rnd = os.urandom
    out = []
    for j in range(1 + (i * 7 + 3) % 3):
        size = 8192 + ((i * 7919 + j * 104729) % (400 * 1024 - 8192))
        if (i + j) % 2:
            out.append(("照片%d.png" % (j + 1), "image/png", png(size, rnd)))
        else:
            out.append(("材料%d.pdf" % (j + 1), "application/pdf", pdf(size, rnd)))
    return out


def multipart(fields, files):
    b = "----qfburst%s" % os.urandom(8).hex()
    parts = []
    for k, v in fields:
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                      % (b, k, v)).encode())
    for name, ctype, data in files:
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"%s\"\r\n"
                      "Content-Type: %s\r\n\r\n" % (b, name, ctype)).encode() + data + b"\r\n")
    parts.append(("--%s--\r\n" % b).encode())
    return b"".join(parts), "multipart/form-data; boundary=" + b


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        """(status, body); one reconnect when the server closed the
        connection between two requests (keep-alive's ordinary race)."""
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt or method != "GET":
                    raise
        raise RuntimeError("unreachable")

    def form(self, path, xff):
        st, page = self.request("GET", path, headers={"X-Forwarded-For": xff})
        if st != 200:
            raise RuntimeError("GET %s answered %d" % (path, st))
        token = CSRF.search(page).group(1).decode()
        bits = int(POW.search(page).group(1))
        return token, solve(token, bits)


def run_pool(n, clients, work):
    lock = threading.Lock()
    nxt = [0]

    def loop():
        while True:
            with lock:
                i = nxt[0]
                nxt[0] += 1
            if i >= n:
                return
            work(i)
    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def submit(base, n, clients, out):
    local = threading.local()
    results = [None] * n
    # the files first: drawing them is no part of the burst
    files = [files_of(i) for i in range(n)]

    def one(i):
        if not hasattr(local, "c"):
            local.c = Client(base)
        c, xff = local.c, addr(i)
        marker = "BURST%06d" % i
        rec = {"i": i, "marker": marker, "files": [hashlib.sha256(d).hexdigest() for _, _, d in files[i]],
               "bytes": sum(len(d) for _, _, d in files[i])}
        try:
            token, nonce = c.form("/p/report", xff)
            body, ctype = multipart([("csrf", token), ("pow", nonce), ("mode", "anonymous"),
                                     ("person", "某%d" % i), ("unit", "某局"),
                                     ("summary", "%s 收受礼金，附材料%d份" % (marker, len(files[i])))],
                                    files[i])
            t0 = time.perf_counter()
            st, page = c.request("POST", "/p/report", body=body,
                                 headers={"Content-Type": ctype, "X-Forwarded-For": xff})
            rec["ms"] = (time.perf_counter() - t0) * 1000
            rec["status"] = st
            m = CODE.search(page)
            rec["code"] = m.group(1).decode().replace(" ", "") if m else ""
            if not m:
                rec["page"] = page[:2000].decode("utf-8", "replace")
        except Exception as e:  # a lost connection is a failure of the burst
            rec["status"], rec["error"], rec["code"] = 0, repr(e), ""
        files[i] = None
        results[i] = rec

    t0 = time.perf_counter()
    run_pool(n, clients, one)
    wall = time.perf_counter() - t0
    json.dump({"wall": wall, "reports": results}, open(out, "w"))
    ms = sorted(r.get("ms", 0) for r in results)
    bad = [r for r in results if r["status"] != 200 or len(r["code"]) != 16]
    print("submitted %d in %.2f s: %.1f reports/s, POST p50 %.1f ms, p99 %.1f ms, %d failed"
          % (n, wall, n / wall, ms[len(ms) // 2], ms[min(len(ms) - 1, (len(ms) * 99) // 100)], len(bad)))
    for r in bad[:5]:
        print("  failed: %s status %s %s %s" % (r["marker"], r["status"], r.get("error", ""),
                                               r.get("page", "")[:600].replace("\n", " ")))
    return 1 if bad else 0


def query(base, clients, out):
    reports = json.load(open(out))["reports"]
    local = threading.local()
    seen = [None] * len(reports)

    def one(i):
        if not hasattr(local, "c"):
            local.c = Client(base)
        c, xff = local.c, addr(i)
        try:
            token, nonce = c.form("/p/query", xff)
            body = urllib.parse.urlencode({"csrf": token, "pow": nonce, "code": reports[i]["code"]})
            st, page = c.request("POST", "/p/query", body=body,
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "X-Forwarded-For": xff})
            m = STATUS.search(page)
            seen[i] = "%d:%s" % (st, m.group(1).decode() if m else "-")
        except Exception as e:
            seen[i] = "0:" + repr(e)

    run_pool(len(reports), clients, one)
    counts = {}
    for s in seen:
        counts[s] = counts.get(s, 0) + 1
    for s, k in sorted(counts.items()):
        print("%s %d" % (s, k))
    return 0


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "submit":
        return submit(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    if len(sys.argv) == 5 and sys.argv[1] == "query":
        return query(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
