#!/usr/bin/env python3
"""slow_clients.py: many slow or idle HTTP connections, and a probe.

Used by tests/http/t47_slow_clients.sh and bench/slowloris.sh.  Loopback
targets only.  Two modes:

  slow_clients.py hold HOST PORT --conns N [--addrs K] [--src 127.0.0.2]
        [--mode idle|headers|body] [--interval S] [--reconnect]
        [--duration S] [--status FILE]

    opens N connections from K source addresses (SRC, SRC+1, ...), round
    robin, and holds them: idle sends nothing; headers sends a request line,
    then one header line every S seconds, never the blank line; body sends
    complete headers of a POST with a large Content-Length, then 16 bytes
    every S seconds.  With --reconnect a connection the server closed is
    opened again (an attacker keeping up the pressure).  Every 0.25 s, and
    at the end, FILE gets one JSON object:
      open        connections open now
      peak_open   the most open at once
      opened      connections made (connect succeeded)
      closed      connections the server closed (EOF, reset, broken pipe)
      early       of those, closed within 1 s of connecting (refused)
      life_max    the longest life of a connection the server closed, in s
                  (refused ones left out); life_min the shortest
      answered    connections that got bytes back (an answer)
      failed      connects that failed
    Runs until --duration seconds have passed, or until SIGTERM.

  slow_clients.py probe HOST PORT [--count N] [--path /healthz]
        [--timeout S] [--gap S]

    N sequential GETs, each on a new connection (a new client must be
    accepted); prints one JSON object: ok, failed, p50_ms, p99_ms, max_ms.
"""
import argparse
import errno
import ipaddress
import json
import os
import resource
import selectors
import signal
import socket
import sys
import time


def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class Conn:
    __slots__ = ("sock", "src", "t0", "next_send", "connected", "sent_head")

    def __init__(self, sock, src):
        self.sock = sock
        self.src = src
        self.t0 = time.monotonic()
        self.next_send = 0.0
        self.connected = False
        self.sent_head = False


def hold(a):
    raise_nofile()
    base = ipaddress.IPv4Address(a.src)
    srcs = [str(base + i) for i in range(a.addrs)]
    sel = selectors.DefaultSelector()
    conns = {}
    st = dict(open=0, peak_open=0, opened=0, closed=0, early=0, life_max=0.0,
              life_min=None, answered=0, failed=0)
    stop = [False]
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    head = {
        "idle": b"",
        "headers": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        "body": b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 1000000\r\n\r\n",
    }[a.mode]
    trickle = {"idle": b"", "headers": b"X-Slow: 1\r\n", "body": b"a" * 16}[a.mode]
    want = a.conns
    next_src = [0]

    def open_one():
        src = srcs[next_src[0] % len(srcs)]
        next_src[0] += 1
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        try:
            s.bind((src, 0))
            rc = s.connect_ex((a.host, a.port))
        except OSError:
            s.close()
            st["failed"] += 1
            return
        if rc not in (0, errno.EINPROGRESS):
            s.close()
            st["failed"] += 1
            return
        c = Conn(s, src)
        conns[s.fileno()] = c
        sel.register(s, selectors.EVENT_WRITE, c)

    def drop(c, by_server):
        fd = c.sock.fileno()
        sel.unregister(c.sock)
        c.sock.close()
        del conns[fd]
        if c.connected:
            st["open"] -= 1
        if by_server and c.connected:
            life = time.monotonic() - c.t0
            st["closed"] += 1
            if life < 1.0:
                st["early"] += 1
            else:
                st["life_max"] = max(st["life_max"], life)
                st["life_min"] = life if st["life_min"] is None else min(st["life_min"], life)
        elif by_server:
            st["failed"] += 1

    def send(c, data):
        try:
            c.sock.send(data)
            return True
        except (BlockingIOError, InterruptedError):
            return True
        except OSError:
            drop(c, True)
            return False

    def write_status():
        if a.status:
            tmp = a.status + ".tmp"
            with open(tmp, "w") as f:
                json.dump(st, f)
            os.replace(tmp, a.status)

    t_end = time.monotonic() + a.duration
    t_status = 0.0
    t_trickle = 0.0
    made = 0
    while not stop[0] and time.monotonic() < t_end:
        # open in batches so a listen backlog is not flooded at once
        batch = 0
        while (made < want or (a.reconnect and len(conns) < want)) and batch < 200:
            open_one()
            made += 1
            batch += 1
        now = time.monotonic()
        for key, ev in sel.select(timeout=0.05):
            c = key.data
            if not c.connected:
                err = c.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err:
                    drop(c, False)
                    continue
                c.connected = True
                c.t0 = time.monotonic()
                st["opened"] += 1
                st["open"] += 1
                st["peak_open"] = max(st["peak_open"], st["open"])
                sel.modify(c.sock, selectors.EVENT_READ, c)
                if head and not send(c, head):
                    continue
                c.next_send = c.t0 + a.interval
                continue
            try:
                data = c.sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                drop(c, True)
                continue
            if not data:
                drop(c, True)
            else:
                if not c.sent_head:
                    st["answered"] += 1
                c.sent_head = True   # reused as "answered" marker
        if trickle and now >= t_trickle:
            t_trickle = now + 0.2     # a pass over 10,000 sockets is not free
            for c in list(conns.values()):
                if c.connected and now >= c.next_send:
                    c.next_send = now + a.interval
                    send(c, trickle)
        if now >= t_status:
            write_status()
            t_status = now + 0.25
    write_status()
    for c in list(conns.values()):
        c.sock.close()


def probe(a):
    times = []
    failed = 0
    req = ("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (a.path, a.host)).encode()
    for _ in range(a.count):
        t0 = time.monotonic()
        try:
            with socket.create_connection((a.host, a.port), timeout=a.timeout) as s:
                s.sendall(req)
                buf = b""
                while True:
                    d = s.recv(65536)
                    if not d:
                        break
                    buf += d
            if not buf.startswith(b"HTTP/1.1 200"):
                failed += 1
            else:
                times.append((time.monotonic() - t0) * 1000.0)
        except OSError:
            failed += 1
        if a.gap:
            time.sleep(a.gap)
    times.sort()

    def pct(p):
        if not times:
            return None
        return round(times[min(len(times) - 1, int(len(times) * p / 100.0))], 2)

    print(json.dumps(dict(ok=len(times), failed=failed, p50_ms=pct(50), p99_ms=pct(99),
                          max_ms=round(times[-1], 2) if times else None)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=("hold", "probe"))
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--conns", type=int, default=100)
    p.add_argument("--addrs", type=int, default=1)
    p.add_argument("--src", default="127.0.0.2")
    p.add_argument("--mode", choices=("idle", "headers", "body"), default="idle")
    p.add_argument("--interval", type=float, default=1.0)
    p.add_argument("--reconnect", action="store_true")
    p.add_argument("--duration", type=float, default=60.0)
    p.add_argument("--status")
    p.add_argument("--count", type=int, default=20)
    p.add_argument("--path", default="/healthz")
    p.add_argument("--timeout", type=float, default=5.0)
    p.add_argument("--gap", type=float, default=0.0)
    a = p.parse_args()
    if not (a.host.startswith("127.") or a.host in ("::1", "localhost")):
        sys.exit("slow_clients.py: loopback targets only")
    if a.what == "hold":
        hold(a)
    else:
        probe(a)


if __name__ == "__main__":
    main()
