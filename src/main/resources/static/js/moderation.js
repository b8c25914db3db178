// Keyboard for the moderation console: j/k move between items, a approves, r focuses the reject reason.
// Every action is also a plain form, so the console works without this script.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
  if (items.length === 0) { return; }
  var current = 0;
  function select(index) {
    if (index < 0 || index >= items.length) { return; }
    items[current].classList.remove("selected");
    current = index;
    items[current].classList.add("selected");
    items[current].focus();
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) { return; }
    if (event.key === "j") { select(current + 1); event.preventDefault(); }
    else if (event.key === "k") { select(current - 1); event.preventDefault(); }
    else if (event.key === "a") { items[current].querySelector("button.approve").click(); event.preventDefault(); }
    else if (event.key === "r") { items[current].querySelector(".reject-form input[name=reason]").focus(); event.preventDefault(); }
  });
  select(0);
}());
