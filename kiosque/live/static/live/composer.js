// The live's entry composer: Ctrl+Enter (⌘+Enter on a Mac) posts the entry from any of
// its fields, the rich text editor included. Draftail copies what was typed into the
// form a moment after each keystroke, so the form is sent once that moment has passed:
// the last words typed are never left out. Without JavaScript: the button.
(function () {
  "use strict";
  var DRAFTAIL_SAVE_MS = 300; // Draftail's stateSaveInterval is 250 ms

  document.querySelectorAll("form[data-live-composer]").forEach(function (form) {
    var sending = false;
    form.addEventListener(
      "keydown",
      function (event) {
        if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || sending) return;
        event.preventDefault();
        event.stopPropagation();
        sending = true;
        window.setTimeout(function () {
          var button = form.querySelector("button[type=submit]");
          if (form.requestSubmit) form.requestSubmit(button || undefined);
          else if (button) button.click();
        }, DRAFTAIL_SAVE_MS);
      },
      true // before the editor sees the key
    );
  });
})();
