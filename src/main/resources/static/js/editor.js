// The article editor, enhanced: a live preview of the whole article as readers will see it, the word count, character
// counts and the search-result preview, autosave of unsaved text (kept apart from the article), a warning before
// leaving with unsaved changes, bylines added, moved and removed in place, and images from the media library
// searched, uploaded and inserted into the body without leaving the page. Without this script the form still saves,
// its Preview button still previews (and adds a byline line), and each image shows the line to copy into the body.
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
      var data = formData();
      data.delete("intent");
      post(form.dataset.preview, data).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (json) {
        if (!json) { return; }
        // The server's HTML is the article page's markup and renderer, sanitised: what readers will get.
        preview.innerHTML = json.page;
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
    if (["headline", "standfirst"].indexOf(target.id) >= 0) { schedulePreview(); }
  });
  form.addEventListener("change", function () { dirty = true; changedSinceAutosave = true; schedulePreview(); });

  // --- bylines: add, move and remove lines in place; the selects' order is the byline's order ---
  var bylines = document.querySelector("#bylines .byline-list");
  function changed() {
    dirty = true;
    changedSinceAutosave = true;
    schedulePreview();
  }
  function button(text, label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "secondary byline-" + action;
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.dataset.action = action;
    return b;
  }
  function renumber() {
    Array.prototype.forEach.call(bylines.children, function (row, i) {
      var n = i + 1;
      var select = row.querySelector("select");
      var label = row.querySelector("label");
      select.id = "author-" + n;
      label.htmlFor = select.id;
      label.textContent = "Author " + n;
      row.querySelectorAll(".byline-moves button").forEach(function (b) {
        var what = { up: "Move byline " + n + " up", down: "Move byline " + n + " down", remove: "Remove byline " + n };
        b.setAttribute("aria-label", what[b.dataset.action]);
      });
      row.querySelector(".byline-up").disabled = i === 0;
      row.querySelector(".byline-down").disabled = i === bylines.children.length - 1;
    });
  }
  function addMoves(row) {
    var moves = document.createElement("span");
    moves.className = "byline-moves";
    moves.appendChild(button("↑ Up", "", "up"));
    moves.appendChild(button("↓ Down", "", "down"));
    moves.appendChild(button("Remove", "", "remove"));
    row.appendChild(moves);
  }
  if (bylines) {
    Array.prototype.forEach.call(bylines.children, addMoves);
    var add = button("Add a byline", "Add a byline", "add");
    add.className = "secondary byline-add";
    bylines.parentNode.insertBefore(add, bylines.nextSibling);
    document.getElementById("authors-hint").textContent = "Choose one author per line; move lines up or down to "
      + "change the byline's order. Nothing is saved until you save.";
    renumber();
    add.addEventListener("click", function () {
      var row = bylines.lastElementChild.cloneNode(true);
      row.querySelector("select").value = "";
      bylines.appendChild(row);
      renumber();
      row.querySelector("select").focus();
      changed();
    });
    bylines.addEventListener("click", function (event) {
      var b = event.target.closest("button");
      if (!b || !b.dataset.action) { return; }
      var row = b.closest("li");
      if (b.dataset.action === "up" && row.previousElementSibling) {
        bylines.insertBefore(row, row.previousElementSibling);
      } else if (b.dataset.action === "down" && row.nextElementSibling) {
        bylines.insertBefore(row.nextElementSibling, row);
      } else if (b.dataset.action === "remove") {
        if (bylines.children.length > 1) {
          var next = row.nextElementSibling || row.previousElementSibling;
          row.remove();
          renumber();
          next.querySelector("select").focus();
          changed();
          return;
        }
        row.querySelector("select").value = "";
      }
      renumber();
      if (b.disabled) { row.querySelector("select").focus(); } else { b.focus(); }
      changed();
    });
  }

  // --- images from the media library: search, upload, insert at the cursor on a line of their own ---
  var library = document.getElementById("body-media");
  var tiles = document.getElementById("body-media-list");
  var csrf = form.querySelector("input[name=_csrf]");
  function insertLine(line) {
    var start = body.selectionStart, end = body.selectionEnd, text = body.value;
    var before = text.slice(0, start), after = text.slice(end);
    var lead = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    var tail = after === "" || /^\n\n/.test(after) ? "" : (/^\n/.test(after) ? "\n" : "\n\n");
    body.value = before + lead + line + tail + after;
    var caret = (before + lead + line).length;
    body.focus();
    body.setSelectionRange(caret, caret);
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }
  function insertButton(tile) {
    var name = tile.querySelector(".media-name").textContent;
    var b = document.createElement("button");
    b.type = "button";
    b.className = "secondary insert-image";
    b.textContent = "Insert";
    b.setAttribute("aria-label", "Insert image: " + name);
    b.addEventListener("click", function () { insertLine(tile.dataset.snippet); });
    tile.appendChild(b);
  }
  function tile(image) {
    var li = document.createElement("li");
    li.className = "media-tile";
    li.dataset.snippet = image.snippet;
    var img = document.createElement("img");
    img.src = image.thumbnail;
    img.alt = "";
    img.width = image.thumbnailWidth;
    img.height = image.thumbnailHeight;
    img.loading = "lazy";
    var name = document.createElement("span");
    name.className = "media-name";
    name.textContent = image.alt || (image.fileName + " (no alt text yet)");
    var code = document.createElement("code");
    code.textContent = image.snippet;
    li.appendChild(img);
    li.appendChild(name);
    li.appendChild(code);
    insertButton(li);
    return li;
  }
  function field(id, labelText, type) {
    var wrap = document.createElement("div");
    wrap.className = "field";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = labelText;
    var input = document.createElement("input");
    input.id = id;
    input.type = type;
    wrap.appendChild(label);
    wrap.appendChild(input);
    return wrap;
  }
  function keepEnterHere(element, action) {
    // These inputs have no name and are not the editor's: Enter in them acts here instead of saving the piece.
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); if (action) { action(); } }
    });
  }
  if (library && tiles) {
    Array.prototype.forEach.call(tiles.children, insertButton);
    var mediaStatus = document.createElement("p");
    mediaStatus.className = "hint";
    mediaStatus.id = "body-media-status";
    mediaStatus.setAttribute("role", "status");

    var search = document.createElement("div");
    search.className = "body-media-search";
    search.setAttribute("role", "search");
    var searchField = field("body-media-q", "Search the library", "search");
    var go = document.createElement("button");
    go.type = "button";
    go.className = "secondary";
    go.textContent = "Search images";
    search.appendChild(searchField);
    search.appendChild(go);
    function find() {
      var q = document.getElementById("body-media-q").value;
      fetch(library.dataset.images + "?q=" + encodeURIComponent(q), {
        credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (response) { return response.ok ? response.json() : null; }).then(function (json) {
        if (!json) { mediaStatus.textContent = "The library could not be searched; try again."; return; }
        tiles.textContent = "";
        json.items.forEach(function (image) { tiles.appendChild(tile(image)); });
        mediaStatus.textContent = json.total === 0 ? "No image matches." : json.total + (json.total === 1 ? " image" : " images") + " found.";
      }).catch(function () { mediaStatus.textContent = "The library could not be searched; try again."; });
    }
    go.addEventListener("click", find);
    keepEnterHere(searchField.querySelector("input"), find);
    library.insertBefore(search, tiles);

    var upload = document.createElement("fieldset");
    upload.className = "body-upload";
    var legend = document.createElement("legend");
    legend.textContent = "Upload a new image and insert it";
    upload.appendChild(legend);
    var file = field("body-upload-file", "Image (JPEG, PNG, GIF or WebP)", "file");
    file.querySelector("input").accept = "image/jpeg,image/png,image/gif,image/webp";
    upload.appendChild(file);
    [["body-upload-alt", "Alt text (what the image shows, for people who cannot see it)"],
      ["body-upload-caption", "Caption"], ["body-upload-credit", "Credit"]].forEach(function (f) {
      var made = field(f[0], f[1], "text");
      keepEnterHere(made.querySelector("input"));
      upload.appendChild(made);
    });
    var send = document.createElement("button");
    send.type = "button";
    send.textContent = "Upload and insert";
    upload.appendChild(send);
    send.addEventListener("click", function () {
      var chosen = document.getElementById("body-upload-file").files[0];
      if (!chosen) { mediaStatus.textContent = "Choose an image file to upload."; return; }
      var data = new FormData();
      data.append("file", chosen);
      data.append("alt", document.getElementById("body-upload-alt").value);
      data.append("caption", document.getElementById("body-upload-caption").value);
      data.append("credit", document.getElementById("body-upload-credit").value);
      send.disabled = true;
      mediaStatus.textContent = "Uploading…";
      fetch(library.dataset.images + "?_csrf=" + encodeURIComponent(csrf.value), {
        method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
      }).then(function (result) {
        send.disabled = false;
        if (!result.ok) {
          mediaStatus.textContent = "Not uploaded: " + (result.json.detail || (result.status === 413
            ? "the file is too large; choose a smaller image." : "the library refused the file."));
          return;
        }
        tiles.insertBefore(tile(result.json), tiles.firstChild);
        insertLine(result.json.snippet);
        upload.querySelectorAll("input").forEach(function (input) { input.value = ""; });
        mediaStatus.textContent = "Uploaded and inserted: " + result.json.snippet;
      }).catch(function () {
        send.disabled = false;
        mediaStatus.textContent = "The upload did not reach the server; try again.";
      });
    });
    library.appendChild(upload);
    library.appendChild(mediaStatus);
  }
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
