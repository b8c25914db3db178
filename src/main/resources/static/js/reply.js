// Inline replies: "Reply" opens the reply page's own form under the comment, and the reply lands in place without a
// page load. The form is fetched from the reply page and posted to the same address as without JavaScript, so the
// rules, messages, nudges and protections are the same ones; when anything unexpected happens, the browser goes to
// the reply page as it would without this script.
(function () {
  "use strict";
  var section = document.getElementById("comments");
  if (!section || !window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }

  section.addEventListener("click", function (event) {
    // A comment's Reply link is /comments/{id}/reply (kept short: it is on every comment of a long page).
    var link = event.target.closest ? event.target.closest(".comment-actions a[href$='/reply']") : null;
    if (!link || !commentOf(link) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    open(link);
  });

  function parse(html) {
    return new DOMParser().parseFromString(html, "text/html");
  }

  function commentOf(link) {
    var match = /\/comments\/(\d+)\/reply$/.exec(new URL(link.href, window.location.href).pathname);
    return match ? match[1] : null;
  }

  function open(link) {
    var id = commentOf(link);
    var existing = document.getElementById("reply-to-" + id);
    if (existing) { focusFirstField(existing); return; }
    fetch(link.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var form = parse(html).querySelector("form.comment-form");
        if (!form) { throw new Error("no form"); }
        var box = document.createElement("div");
        box.className = "inline-reply";
        box.id = "reply-to-" + id;
        var status = document.createElement("p");
        status.className = "inline-reply-status";
        status.setAttribute("role", "status");
        box.appendChild(status);
        box.appendChild(adopt(form, id, box, link));
        var cancel = document.createElement("button");
        cancel.type = "button";
        cancel.className = "link-button inline-reply-cancel";
        cancel.textContent = "Cancel reply";
        cancel.addEventListener("click", function () { box.remove(); link.focus(); });
        box.appendChild(cancel);
        var card = document.querySelector("#comment-" + id + " > [role=article]");
        card.insertAdjacentElement("afterend", box);
        focusFirstField(box);
      })
      .catch(function () { window.location.href = link.href; });
  }

  // The reply page's form, made unique on this page (its ids get a prefix) and posted from here.
  function adopt(form, id, box, link) {
    var copy = document.importNode(form, true);
    var prefix = "reply-" + id + "-";
    copy.id = prefix + "form";
    Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (element) {
      element.id = prefix + element.id;
    });
    ["for", "aria-describedby", "aria-labelledby", "data-count"].forEach(function (attribute) {
      Array.prototype.forEach.call(copy.querySelectorAll("[" + attribute + "]"), function (element) {
        var ids = element.getAttribute(attribute).split(/\s+/).filter(Boolean);
        element.setAttribute(attribute, ids.map(function (one) { return prefix + one; }).join(" "));
      });
    });
    copy.addEventListener("submit", function (event) {
      event.preventDefault();
      send(copy, event.submitter, id, box, link);
    });
    return copy;
  }

  function send(form, submitter, id, box, link) {
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
    var buttons = form.querySelectorAll("button");
    setBusy(buttons, true);
    say(box, "Sending your reply…");
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (html) { return { response: response, page: parse(html) }; });
      })
      .then(function (answer) {
        var response = answer.response;
        var path = new URL(response.url, window.location.href).pathname;
        if (response.redirected && response.ok && /\/received$/.test(path)) {
          held(answer.page, box, link);
        }
        else if (response.redirected && response.ok) {
          landed(answer.page, response.url, id, box);
        }
        else {
          refused(answer.page, form, id, box, link);
        }
      })
      .catch(function () {
        setBusy(buttons, false);
        say(box, "Your reply could not be sent. Check your connection and try again.");
      });
  }

  // Published: the reply is taken from the page the post led to and put under its comment.
  function landed(page, url, id, box) {
    var there = page.getElementById("comment-" + id);
    var replies = there ? there.querySelector(":scope > ol.replies") : null;
    var added = [];
    if (replies) {
      var here = document.querySelector("#comment-" + id + " > ol.replies");
      if (!here) {
        here = document.importNode(replies.cloneNode(false), true);
        document.getElementById("comment-" + id).appendChild(here);
      }
      Array.prototype.forEach.call(replies.children, function (reply) {
        if (reply.id && !document.getElementById(reply.id)) {
          var node = document.importNode(reply, true);
          here.appendChild(node);
          added.push(node);
        }
      });
    }
    if (added.length === 0) {
      window.location.href = url;
      return;
    }
    box.remove();
    section.dispatchEvent(new CustomEvent("gazette:comments-added"));
    var card = added[added.length - 1].querySelector("article") || added[added.length - 1];
    card.setAttribute("tabindex", "-1");
    card.classList.add("just-posted");
    card.focus();
  }

  // Held for a moderator (or refused by one): the page's own message replaces the form.
  function held(page, box, link) {
    var message = page.querySelector("main [role=status]") || page.querySelector("main p");
    box.textContent = "";
    var note = document.createElement("p");
    note.className = "inline-reply-held";
    note.setAttribute("role", "status");
    note.setAttribute("tabindex", "-1");
    note.textContent = message ? message.textContent : "Thank you: your reply was received.";
    box.appendChild(note);
    note.focus();
  }

  // Not posted: the reply page came back with what to fix (or the nudge); its form replaces this one.
  function refused(page, form, id, box, link) {
    var again = page.querySelector("form.comment-form");
    if (!again) {
      var alert = page.querySelector("main [role=alert]") || page.querySelector("main p");
      setBusy(form.querySelectorAll("button"), false);
      say(box, alert ? alert.textContent : "Your reply could not be posted.");
      return;
    }
    var copy = adopt(again, id, box, link);
    form.replaceWith(copy);
    say(box, "");
    var first = copy.querySelector("[role=alert], [aria-invalid=true]");
    if (first) {
      if (!first.matches("input, textarea")) { first.setAttribute("tabindex", "-1"); }
      first.focus();
    }
  }

  function say(box, text) {
    var status = box.querySelector(".inline-reply-status");
    if (status) { status.textContent = text; }
  }

  function setBusy(buttons, busy) {
    Array.prototype.forEach.call(buttons, function (button) { button.disabled = busy; });
  }

  function focusFirstField(box) {
    var field = box.querySelector("textarea, input:not([type=hidden])");
    if (field) { field.focus(); }
  }
}());
