"""Brings Gazette's benchmark article to the peer's shape and signs in; prints the Cookie header a browser would send.

Usage: signed_in_session.py BASE SLUG TARGET_COMMENTS TOP_LEVEL EMAIL PASSWORD

The comments are posted through the JSON API as guests (200 in 60 threads, at most 3 deep, as bench/peer.sh does);
then the account signs in through the sign-in form, and the article page is read once so that the session's CSRF
cookie is set too: wrk then sends the same cookies a signed-in browser sends on every page.
"""
import http.cookiejar
import json
import sys
import urllib.parse
import urllib.request

base, slug, target, top_target, email, password = sys.argv[1:7]
target, top_target = int(target), int(top_target)
api = f"{base}/api/v1/articles/{slug}/comments"
plain = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def tree():
    with plain.open(f"{api}?size=200", timeout=30) as r:
        return json.load(r)


def nodes(items, depth=1):
    for n in items:
        yield n, depth
        yield from nodes(n["replies"], depth + 1)


def post(i, parent):
    body = (f"Comment {i}. I take the ferry most mornings and I agree with most of this; the timetable matters "
            f"more than the planners think. Still, some of us are in a hurry.")
    req = urllib.request.Request(api, method="POST",
        data=json.dumps({"authorName": f"Reader {i}", "body": body, "parentId": parent}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"})
    with plain.open(req, timeout=30) as r:
        return json.load(r)["id"]


existing = list(nodes(tree()))
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
shape = list(nodes(tree()))
print(f"{len(shape)} comments, {sum(1 for _, d in shape if d == 1)} top-level, deepest {max(d for _, d in shape)}",
      file=sys.stderr)

jar = http.cookiejar.CookieJar()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


browser = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar),
                                      NoRedirects())
form = urllib.parse.urlencode({"email": email, "password": password}).encode()
req = urllib.request.Request(f"{base}/sign-in", data=form, method="POST",
                             headers={"Origin": base, "Content-Type": "application/x-www-form-urlencoded"})
try:
    browser.open(req, timeout=30)
except urllib.error.HTTPError as answer:
    if answer.code not in (302, 303):
        sys.exit(f"sign-in answered {answer.code}")
    if "error" in (answer.headers.get("Location") or ""):
        sys.exit(f"sign-in refused: {answer.headers.get('Location')}")
with browser.open(f"{base}/articles/{slug}", timeout=30) as page:
    html = page.read().decode()
if "Sign out" not in html:
    sys.exit("the page after signing in does not show the reader as signed in")
print("; ".join(f"{c.name}={c.value}" for c in jar))
