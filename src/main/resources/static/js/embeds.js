// Click-to-load embeds. The page holds, for each embed, the plain link (what a reader without JavaScript gets) and
// nothing that reaches the other site. This script adds a button that says who the content comes from; only the
// reader's click puts the frame (or the audio player) on the page, so no request leaves for that site before it.
(function () {
  "use strict";
  var NAMES = {
    youtube: ["YouTube", "video"], x: ["X (Twitter)", "post"], bluesky: ["Bluesky", "post"],
    mastodon: ["Mastodon", "post"], map: ["OpenStreetMap", "map"], audio: ["", "audio"]
  };
  document.querySelectorAll("figure.embed[data-embed][data-embed-src]").forEach(function (figure) {
    var kind = NAMES[figure.dataset.embed];
    if (!kind) { return; }
    var src = figure.dataset.embedSrc;
    var host = new URL(src).hostname;
    var site = kind[0] || host;
    var notice = document.createElement("p");
    notice.className = "embed-notice";
    notice.textContent = "This " + kind[1] + " is on " + site + ". Loading it sends your address to " + host
      + ", which may set cookies.";
    var load = document.createElement("button");
    load.type = "button";
    load.className = "embed-load";
    load.textContent = "Load the " + kind[1] + " from " + site;
    figure.appendChild(notice);
    figure.appendChild(load);
    load.addEventListener("click", function () {
      var content;
      if (figure.dataset.embed === "audio") {
        content = document.createElement("audio");
        content.controls = true;
        content.preload = "none";
        content.src = src;
      } else {
        content = document.createElement("iframe");
        content.src = src;
        content.title = site + " " + kind[1];
        content.loading = "lazy";
        content.referrerPolicy = "strict-origin-when-cross-origin";
        content.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
        content.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
      }
      notice.remove();
      load.replaceWith(content);
      if (content.focus) { content.focus(); }
    });
  });
}());
