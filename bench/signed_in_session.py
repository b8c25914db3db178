"""Brings Gazette's benchmark article to the peer's shape and signs in; prints the Cookie header a browser would send.

Usage: signed_in_session.py BASE SLUG TARGET_COMMENTS TOP_LEVEL EMAIL PASSWORD

The comments are posted through the JSON API as guests (200 in 60 threads, at most 3 deep, as bench/peer.sh does);
then the account signs in through the sign-in form, and the article page is read once so that the session's CSRF
cookie is set too: wrk then sends the same cookies a signed-in browser sends on every page.
"""
import http.cookiejar
import os
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_comments  # noqa: E402  (beside this file)

base, slug, target, top_target, email, password = sys.argv[1:7]
target, top_target = int(target), int(top_target)
peer_comments.shape(base, slug, target, top_target)

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
