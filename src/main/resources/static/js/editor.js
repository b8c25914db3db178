// The article editor, enhanced: a live preview of the body as readers will see it, the word count, character
// counts and the search-result preview, autosave of unsaved text (kept apart from the article) and a warning before
// leaving with unsaved changes. Without this script the form still saves, and its Preview button still previews.
(function () {
  "use strict";
  var form = document.getElementById("editor-form");
  if (!form) { return; }
  var body = document.getElementById("bodyMarkdown");
  var preview = document.getElementById("preview");
  var status = document.getElementById("autosave-status");
  var dirty = false;
  var changedSinceAutosave = false;

  // The same rule as the server's: a word is a run without spaces holding a letter or a digit; 200 a minute.
  function countWords(text) {
    var count = 0;
    text.split(/\s+/).forEach(function (token) { if (/[\p{L}\p{N}]/u.test(token)) { count++; } });
    return count;
  }
  function showWords(count) {
    var line = document.getElementById("word-count");
    if (!line) { return; }
    var minutes = count === 0 ? 0 : Math.max(1, Math.ceil(count / 200));
    line.querySelector(".words").textContent = String(count);
    line.querySelector(".minutes").textContent = String(minutes);
  }

  function post(url, data, keepalive) {
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin", keepalive: !!keepalive,
      headers: { "Accept": "application/json" }
    });
  }
  function formData() {
    return new URLSearchParams(new FormData(form));
  }

  var previewTimer = null;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () {
      var data = new URLSearchParams();
      data.set("_csrf", form.querySelector("input[name=_csrf]").value);
      data.set("bodyMarkdown", body.value);
      post(form.dataset.preview, data).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (json) {
        if (!json) { return; }
        // The server's HTML is the article page's renderer, sanitised: the same markup readers get.
        preview.innerHTML = json.html;
        showWords(json.words);
      }).catch(function () { /* the preview catches up on the next change */ });
    }, 400);
  }

  function showCount(input) {
    var target = document.getElementById(input.dataset.count);
    if (target) { target.querySelector(".count").textContent = String(input.value.length); }
  }
  function showSearchPreview() {
    var title = document.getElementById("seoTitle").value.trim() || document.getElementById("headline").value;
    var description = document.getElementById("seoDescription").value.trim() || document.getElementById("standfirst").value;
    document.getElementById("search-title").textContent = title;
    document.getElementById("search-description").textContent = description;
  }

  function autosave(keepalive) {
    if (!form.dataset.autosave || !changedSinceAutosave) { return; }
    changedSinceAutosave = false;
    post(form.dataset.autosave, formData(), keepalive).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (json) {
      if (json && status) { status.textContent = "Unsaved changes kept at " + json.savedAt; }
    }).catch(function () { changedSinceAutosave = true; });
  }

  form.addEventListener("input", function (event) {
    dirty = true;
    changedSinceAutosave = true;
    var target = event.target;
    if (target === body) {
      showWords(countWords(body.value));
      schedulePreview();
    }
    if (target.dataset && target.dataset.count) { showCount(target); }
    if (["seoTitle", "seoDescription", "headline", "standfirst"].indexOf(target.id) >= 0) { showSearchPreview(); }
  });
  form.addEventListener("change", function () { dirty = true; changedSinceAutosave = true; });
  form.addEventListener("submit", function () { dirty = false; });

  if (form.dataset.autosave) {
    var seconds = parseInt(form.dataset.autosaveSeconds, 10) || 15;
    setInterval(function () { autosave(false); }, seconds * 1000);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { autosave(true); }
    });
  }

  window.addEventListener("beforeunload", function (event) {
    if (!dirty) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
}());
