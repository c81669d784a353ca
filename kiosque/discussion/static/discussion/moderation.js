// Moderation from the keyboard, as moderators of busy threads work: j / k move to the
// next / previous comment, a approves it, r goes to its rejection reason (a reason is
// required, so rejecting stays two keystrokes: r, then choose and Enter), x ticks it for
// the bulk actions. Keys typed into a field are left alone. Everything also works with
// the mouse and without JavaScript: this only adds shortcuts to the same buttons.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-moderation-row]"));
  if (!rows.length) return;
  var current = -1;

  function select(index) {
    if (index < 0 || index >= rows.length) return;
    if (current >= 0) rows[current].classList.remove("is-current");
    current = index;
    var row = rows[current];
    row.classList.add("is-current");
    row.focus();
  }

  function inField(target) {
    return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName));
  }

  // After an action the queue comes back (filters kept) with the row to work on next in
  // the address, #mod-c<id>: select it, so the keys carry on down the filtered list.
  var wanted = /^#mod-c\d+$/.test(window.location.hash) ? window.location.hash.slice(1) : "";
  for (var i = 0; wanted && i < rows.length; i++) {
    if (rows[i].id === wanted) { select(i); break; }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || inField(event.target)) return;
    var row = rows[current];
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(Math.max(current - 1, 0)); break;
      case "a": {
        var approve = row && row.querySelector("button[name=action][value=approve]");
        if (approve) approve.click();
        break;
      }
      case "r": {
        var reason = row && row.querySelector("select[name=preset]");
        if (reason) reason.focus();
        break;
      }
      case "x": {
        var box = row && row.querySelector("input[type=checkbox][name=comments]");
        if (box) box.checked = !box.checked;
        break;
      }
      default: return;
    }
    event.preventDefault();
  });
})();
