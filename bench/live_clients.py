#!/usr/bin/env python3
"""Holds N idle Server-Sent Events streams on one Gazette node, then posts one comment and times its delivery.

Usage: live_clients.py HOST PORT ARTICLE_SLUG N HOLD_SECONDS
Opens N streams to /api/v1/live/articles/SLUG (one socket each, like N browser tabs), waits until each has its
greeting, keeps them idle for HOLD_SECONDS (heartbeats only), then posts one comment through the API and measures,
for every stream, the time from sending the POST to reading the event. Prints one JSON line of results.
"""
import json
import selectors
import socket
import sys
import time

host, port, slug, n, hold = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
request = (f"GET /api/v1/live/articles/{slug} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
           f"\r\n").encode()
selector = selectors.DefaultSelector()
state = {}  # socket -> [buffer, greeted, delivered_at, status]
refused = failed = 0
started = time.time()
for i in range(n):
    try:
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(request)
        s.setblocking(False)
        state[s] = [b"", False, None, None]
        selector.register(s, selectors.EVENT_READ)
    except OSError:
        failed += 1
    if i % 500 == 499:
        # let the server's acceptor keep up; read what has arrived meanwhile
        for key, _ in selector.select(timeout=0):
            pass


def pump(timeout, want_event=False):
    global refused
    for key, _ in selector.select(timeout=timeout):
        s = key.fileobj
        try:
            chunk = s.recv(65536)
        except (BlockingIOError, InterruptedError):
            continue
        except OSError:
            chunk = b""
        entry = state[s]
        if not chunk:
            selector.unregister(s)
            if entry[3] is None or entry[3] != 200:
                pass
            entry[3] = entry[3] or -1
            continue
        entry[0] += chunk
        if entry[3] is None and b"\r\n" in entry[0]:
            entry[3] = int(entry[0].split(b" ", 2)[1])
            if entry[3] != 200:
                refused += 1
                selector.unregister(s)
                continue
        if not entry[1] and b":connected" in entry[0]:
            entry[1] = True
        if want_event and entry[2] is None and b"event:comment" in entry[0]:
            entry[2] = time.time()
        if len(entry[0]) > 4096:
            entry[0] = entry[0][-512:]


deadline = time.time() + 120
while time.time() < deadline and sum(1 for e in state.values() if e[1]) + refused < len(state):
    pump(0.5)
opened = sum(1 for e in state.values() if e[1])
open_seconds = time.time() - started
hold_until = time.time() + hold
while time.time() < hold_until:
    pump(0.5)
alive = sum(1 for e in state.values() if e[1] and e[3] == 200)

body = json.dumps({"authorName": "Bench", "body": "One comment for every open stream."}).encode()
post = (f"POST /api/v1/articles/{slug}/comments HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
sent = time.time()
with socket.create_connection((host, port), timeout=30) as poster:
    poster.sendall(post)
    answer = poster.recv(4096).split(b"\r\n", 1)[0].decode()
posted = time.time()
deadline = time.time() + 60
while time.time() < deadline and sum(1 for e in state.values() if e[2]) < alive:
    pump(0.2, want_event=True)
delays = sorted(e[2] - sent for e in state.values() if e[2])


def pct(p):
    return round(delays[min(len(delays) - 1, int(len(delays) * p))] * 1000) if delays else None


print(json.dumps({"asked": n, "opened": opened, "refused_503": refused, "failed_to_connect": failed,
                  "open_seconds": round(open_seconds, 1), "alive_after_hold": alive, "post": answer,
                  "post_ms": round((posted - sent) * 1000), "delivered": len(delays),
                  "delay_ms": {"p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99),
                               "max": round(delays[-1] * 1000) if delays else None}}))
