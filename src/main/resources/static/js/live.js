// Live updates: "3 new comments — show" on an article, "2 new comments waiting — show" in the moderation console.
// One EventSource per tab; it reconnects by itself with Last-Event-ID. When the server refuses a stream (it holds as
// many as it may) or the browser has no EventSource, the script polls the JSON twin instead. Without this script the
// pages work as before: new comments show on the next load.
(function () {
  "use strict";
  var host = document.querySelector("[data-live-stream]");
  if (!host || !window.fetch || !window.JSON) { return; }
  var kind = host.getAttribute("data-live-kind");
  var streamUrl = host.getAttribute("data-live-stream");
  var pollUrl = host.getAttribute("data-live-poll");
  var lastId = host.getAttribute("data-live-after");
  var idPrefix = kind === "pending" ? "item-" : "comment-";
  var fresh = [];
  var counted = {};
  var source = null;
  var pollTimer = null;

  var notice = document.createElement("p");
  notice.className = "live-notice";
  notice.setAttribute("role", "status");
  var heading = host.querySelector("h1, h2");
  if (heading) { heading.insertAdjacentElement("afterend", notice); } else { host.insertBefore(notice, host.firstChild); }

  function known(id) {
    return counted[id] || document.getElementById(idPrefix + id) !== null;
  }

  function arrived(change) {
    if (!change || typeof change.comment !== "number" || known(change.comment)) { return; }
    counted[change.comment] = true;
    fresh.push(change.comment);
    render();
  }

  function render() {
    // A comment that reached the page meanwhile (this reader's own inline reply, say) is not new to them.
    fresh = fresh.filter(function (id) { return document.getElementById(idPrefix + id) === null; });
    notice.textContent = "";
    notice.classList.toggle("live-notice-shown", fresh.length > 0);
    if (fresh.length === 0) { return; }
    var words = fresh.length === 1 ? "1 new comment" : fresh.length + " new comments";
    notice.appendChild(document.createTextNode(words + (kind === "pending" ? " waiting" : "") + " — "));
    var show = document.createElement("button");
    show.type = "button";
    show.className = "link-button live-show";
    show.textContent = "show";
    show.addEventListener("click", showThem);
    notice.appendChild(show);
  }

  function showThem() {
    if (kind === "pending") {
      window.location.href = host.getAttribute("data-live-show");
      return;
    }
    var first = fresh[0];
    fetch(window.location.pathname + window.location.search, { credentials: "same-origin", cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        ["#comments-heading", "#comments ol.threads", "#comments nav.pager"].forEach(function (selector) {
          var now = document.querySelector(selector);
          var then = page.querySelector(selector);
          if (now && then) { now.replaceWith(document.importNode(then, true)); }
        });
        fresh = [];
        render();
        var target = document.getElementById(idPrefix + first);
        if (target) {
          var card = target.querySelector("article") || target;
          card.setAttribute("tabindex", "-1");
          card.focus();
        }
      })
      .catch(function () { window.location.reload(); });
  }

  function received(event) {
    if (event.lastEventId) { lastId = event.lastEventId; }
    try { arrived(JSON.parse(event.data)); } catch (ignored) { /* not an event of ours */ }
  }

  function connect() {
    if (!window.EventSource) { poll(); return; }
    source = new EventSource(streamUrl + (lastId ? "?after=" + encodeURIComponent(lastId) : ""));
    source.addEventListener(kind, received);
    source.addEventListener("error", function () {
      // CONNECTING: the browser retries by itself. CLOSED: refused (503, the node is full) or not a stream at all.
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        poll();
      }
    });
  }

  var pollsBeforeRetry = 30;
  function poll() {
    fetch(pollUrl + "?after=" + encodeURIComponent(lastId || "0"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        var wait = 10;
        if (answer) {
          answer.changes.forEach(arrived);
          lastId = String(answer.last);
          wait = answer.pollAfterSeconds || wait;
        }
        schedule(wait);
      })
      .catch(function () { schedule(30); });
  }

  function schedule(seconds) {
    pollsBeforeRetry -= 1;
    pollTimer = window.setTimeout(function () {
      pollTimer = null;
      if (pollsBeforeRetry <= 0 && window.EventSource) {
        pollsBeforeRetry = 30;
        connect();
      }
      else {
        poll();
      }
    }, seconds * 1000);
  }

  host.addEventListener("gazette:comments-added", render);
  window.addEventListener("pagehide", function () {
    if (source) { source.close(); source = null; }
    if (pollTimer) { window.clearTimeout(pollTimer); pollTimer = null; }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && !source && !pollTimer) { connect(); }
  });
  connect();
}());
