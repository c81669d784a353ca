// « Partager » and « Copier le lien » on the article: shown only when the browser can do
// what they say. Without JavaScript, or without these APIs, the plain share links below
// them still work. No network's script is loaded; the texts come translated from the
// page's data attributes.
(function () {
  "use strict";

  function enhance(box) {
    var url = box.getAttribute("data-share-url");
    var title = box.getAttribute("data-share-title");
    var status = box.querySelector("[data-share-status]");
    var share = box.querySelector("[data-share-native]");
    var copy = box.querySelector("[data-share-copy]");

    if (share && typeof navigator.share === "function") {
      share.hidden = false;
      share.addEventListener("click", function () {
        // The reader closing the share sheet rejects the promise: nothing to say then.
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    if (copy && navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () { status.textContent = box.getAttribute("data-copied"); },
          function () { status.textContent = box.getAttribute("data-copy-failed"); }
        );
      });
    }
  }

  var boxes = document.querySelectorAll("[data-share]");
  for (var i = 0; i < boxes.length; i++) enhance(boxes[i]);
})();
