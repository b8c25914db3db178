"""Posting clients for bench/kill9.sh: THREADS threads post guest comments to one article's JSON API until told to
stop (SIGTERM) or until 20 posts in a row got no answer (the server is gone). Each comment carries a unique marker
("kill9 <run> <thread>-<n>"); the marker of every post answered 201 is written to ACKED, one a line, flushed at once,
so the list survives whatever happens to the server. Prints "posted <n> acknowledged <m> no-answer <k> other <j>".

    python3 bench/kill9_clients.py http://127.0.0.1:18090 our-streets-are-too-hot 16 RUN acked.txt
"""
import http.client
import signal
import sys
import threading
import urllib.parse

base, slug, threads, run, acked_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
url = urllib.parse.urlparse(base)
path = f"/api/v1/articles/{slug}/comments"
stop = threading.Event()
lock = threading.Lock()
counts = {"posted": 0, "acknowledged": 0, "no-answer": 0, "other": 0}
acked = open(acked_path, "a", buffering=1)
signal.signal(signal.SIGTERM, lambda *_: stop.set())


def count(kind):
    with lock:
        counts[kind] += 1


def client(number):
    lost = 0
    n = 0
    connection = None
    while not stop.is_set() and lost < 20:
        n += 1
        marker = f"kill9 {run} {number}-{n}"
        body = ('{"authorName":"Reader %d","body":"Shade is the cheapest air conditioning a city can buy (%s).",'
                '"parentId":null}' % (number, marker))
        try:
            if connection is None:
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            connection.request("POST", path, body=body.encode(),
                               headers={"Content-Type": "application/json", "Accept": "application/json"})
            response = connection.getresponse()
            response.read()
            count("posted")
            lost = 0
            if response.status == 201:
                with lock:
                    acked.write(marker + "\n")
                count("acknowledged")
            else:
                count("other")
        except (OSError, http.client.HTTPException):
            count("posted")
            count("no-answer")
            lost += 1
            connection = None
            stop.wait(0.2)


workers = [threading.Thread(target=client, args=(i,)) for i in range(1, threads + 1)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(" ".join(f"{k} {v}" for k, v in counts.items()))
