"""Seeds a big discussion through Gazette's JSON API for bench/big-discussion.sh: THREADS top-level comments, then
replies spread evenly over them (answering each thread's first comment), COMMENTS in all.
Posts with several connections at once; prints progress and exits non-zero when a post is refused."""
import http.client
import json
import sys
import threading

port, slug, total, threads_wanted, workers = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), 8
path = "/api/v1/articles/%s/comments" % slug
words = ["I read the piece twice before commenting.",
         "The numbers on the summer flow are the heart of it, and nobody on either side publishes them.",
         "My family farmed on the plain for three generations, so this is not abstract for us.",
         "Fair point, but the dam was built without asking anyone downstream.",
         "Publishing the gauge readings every hour would cost almost nothing.",
         "I disagree with the author about the reservoir, but the argument is made honestly."]  # as PageWeight.java
lock = threading.Lock()
roots, counter, failed = [], [0], []


def post(conn, n, parent):
    body = json.dumps({"authorName": "Reader %d" % n, "body": "%s %s (%d)" % (words[n % 6], words[(n // 6) % 6], n),
                       "parentId": parent})
    conn.request("POST", path, body, {"Content-Type": "application/json", "Accept": "application/json"})
    r = conn.getresponse()
    data = r.read()
    if r.status != 201:
        raise RuntimeError("POST answered %d: %s" % (r.status, data[:300]))
    return json.loads(data)["id"]


def work(phase_total, make_parent):
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
    while True:
        with lock:
            if failed or counter[0] >= phase_total:
                return
            counter[0] += 1
            n = counter[0]
            parent = make_parent(n)
        try:
            cid = post(conn, n, parent)
        except Exception as e:  # noqa: BLE001 - reported below
            failed.append(str(e))
            return
        if parent is None:
            with lock:
                roots.append(cid)
        if n % 2000 == 0:
            print("  %d comments posted" % n, file=sys.stderr, flush=True)


def run(phase_total, make_parent):
    ts = [threading.Thread(target=work, args=(phase_total, make_parent)) for _ in range(workers)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if failed:
        sys.exit(failed[0])


run(threads_wanted, lambda n: None)
roots.sort()


def reply_parent(n):
    return roots[n % len(roots)]  # every thread gets the same share of the replies, all answering its first comment


run(total, reply_parent)
print(json.dumps({"roots": roots[:3], "threads": len(roots), "comments": counter[0]}))
