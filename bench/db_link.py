#!/usr/bin/env python3
"""A TCP relay between Gazette and PostgreSQL that can be broken on a signal, as a database outage.

Usage: db_link.py LISTEN_PORT DB_HOST DB_PORT
  SIGUSR1: cut  (close every connection, refuse new ones: the server was stopped or killed)
  SIGUSR2: freeze (keep connections open, pass nothing: a network partition or a paused server)
  SIGHUP:  mend
"""
import select
import signal
import socket
import sys

listen_port, db_host, db_port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
state = "open"
pairs = {}  # socket -> its peer


def close_all():
    for s in list(pairs):
        try:
            s.close()
        except OSError:
            pass
    pairs.clear()


def on_cut(*_):
    global state
    state = "cut"
    close_all()


def on_freeze(*_):
    global state
    state = "frozen"


def on_mend(*_):
    global state
    state = "open"


signal.signal(signal.SIGUSR1, on_cut)
signal.signal(signal.SIGUSR2, on_freeze)
signal.signal(signal.SIGHUP, on_mend)
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", listen_port))
listener.listen(128)
print("listening", flush=True)
while True:
    watched = [listener] + ([] if state == "frozen" else list(pairs))
    try:
        readable, _, _ = select.select(watched, [], [], 0.2)
    except (OSError, ValueError):
        continue
    for s in readable:
        if s is listener:
            client, _ = listener.accept()
            if state == "cut":
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                client.close()
                continue
            try:
                server = socket.create_connection((db_host, db_port))
            except OSError:
                client.close()
                continue
            pairs[client], pairs[server] = server, client
            continue
        peer = pairs.get(s)
        if peer is None:
            continue
        try:
            data = s.recv(65536)
        except OSError:
            data = b""
        if not data:
            for x in (s, peer):
                pairs.pop(x, None)
                x.close()
            continue
        try:
            peer.sendall(data)
        except OSError:
            pass
