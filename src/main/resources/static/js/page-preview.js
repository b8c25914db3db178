// Live preview for the page editor: as the editor types, the server renders the Markdown through the same sanitised
// path the page uses and the preview shows it. Without this script the Preview button does the same on demand.
(function () {
  "use strict";
  var form = document.querySelector(".page-form");
  var preview = document.getElementById("preview");
  var target = document.getElementById("preview-body");
  if (!form || !preview || !target || !window.fetch) { return; }
  var body = form.querySelector("textarea[name=body]");
  var csrf = form.querySelector("input[name=_csrf]");
  var timer = null;
  function render() {
    var data = new URLSearchParams();
    data.append("body", body.value);
    if (csrf) { data.append("_csrf", csrf.value); }
    fetch(preview.getAttribute("data-preview-url"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        target.innerHTML = html; // sanitised by the server, like the published page
        preview.hidden = false;
      })
      .catch(function () { /* the Preview button still works */ });
  }
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(render, 400);
  });
}());
