"""Brings an article's discussion to the peer page's shape: TARGET comments, TOP_LEVEL of them top-level, the rest
replies at the second and third levels, round the threads (as the WordPress peer's page has them). Posts through the
JSON API as guests and adds only what is missing, so a second call changes nothing.

Usage: peer_comments.py BASE SLUG TARGET TOP_LEVEL   (prints the shape reached on standard error)
Used by bench/peer.sh and bench/signed_in_session.py.
"""
import json
import sys
import urllib.request

_plain = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _nodes(items, depth=1):
    for n in items:
        yield n, depth
        yield from _nodes(n["replies"], depth + 1)


def shape(base, slug, target, top_target):
    api = f"{base}/api/v1/articles/{slug}/comments"

    def tree():
        with _plain.open(f"{api}?size=200", timeout=30) as r:
            return json.load(r)

    def post(i, parent):
        body = (f"Comment {i}. I take the ferry most mornings and I agree with most of this; the timetable matters "
                f"more than the planners think. Still, some of us are in a hurry.")
        req = urllib.request.Request(api, method="POST",
            data=json.dumps({"authorName": f"Reader {i}", "body": body, "parentId": parent}).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"})
        with _plain.open(req, timeout=30) as r:
            return json.load(r)["id"]

    existing = list(_nodes(tree()))
    tops = [n["id"] for n, d in existing if d == 1]
    seconds = [n["id"] for n, d in existing if d == 2]
    n = 0
    while len(tops) < top_target:
        n += 1
        tops.append(post(n, None))
    remaining = target - len(existing) - n
    for k in range(remaining):
        n += 1
        if k % 2 == 0 or not seconds:
            seconds.append(post(n, tops[k % len(tops)]))
        else:
            post(n, seconds[k % len(seconds)])
    reached = list(_nodes(tree()))
    print(f"{len(reached)} comments, {sum(1 for _, d in reached if d == 1)} top-level, "
          f"deepest {max(d for _, d in reached)}", file=sys.stderr)


if __name__ == "__main__":
    shape(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
