#!/usr/bin/env python3
"""Opens N connections that each send a comment POST's headers and then one body byte every INTERVAL seconds.

Usage: slow_clients.py HOST PORT PATH N INTERVAL SECONDS
Prints how many connections were opened, how many the server answered or closed, and what it answered.
"""
import signal
import socket
import sys
import time

host, port, path, n, interval, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: 4000\r\n\r\n").encode()
open_sockets, failed, answers = [], 0, {}
for _ in range(n):
    try:
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(head)
        s.setblocking(False)
        open_sockets.append(s)
    except OSError:
        failed += 1
print(f"opened {len(open_sockets)} slow-body connections ({failed} failed to open)", flush=True)
end = time.time() + seconds
started = time.time()


def stop(*_):
    global end
    end = 0


signal.signal(signal.SIGTERM, stop)
while time.time() < end and open_sockets:
    for s in list(open_sockets):
        try:
            data = s.recv(200)
            if data or data == b"":
                status = data.split(b"\r\n", 1)[0].decode(errors="replace") if data else "closed"
                answers[status] = answers.get(status, 0) + 1
                open_sockets.remove(s)
                s.close()
                continue
        except BlockingIOError:
            pass
        except OSError:
            answers["reset"] = answers.get("reset", 0) + 1
            open_sockets.remove(s)
            continue
        try:
            s.send(b"x")
        except OSError:
            pass
    time.sleep(interval)
print(f"after {time.time() - started:.0f} s: {len(open_sockets)} still sending; server answered/closed: {answers}", flush=True)
for s in open_sockets:
    s.close()
