// The wire desk keeps itself current: every data-refresh-seconds, while the tab is
// visible, the same list (same filters, same page) is fetched again and its rows
// replaced, so new and urgent dispatches appear without a reload and without losing
// what the journalist is typing in the filters. Without JavaScript: the Filter button.
(function () {
  "use strict";
  var table = document.querySelector("table[data-desk]");
  if (!table || !window.fetch || !window.DOMParser) return;
  var seconds = parseInt(table.getAttribute("data-refresh-seconds"), 10) || 60;

  function refresh() {
    if (document.visibilityState !== "visible") return;
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("table[data-desk] tbody");
        if (!fresh) return;
        table.querySelector("tbody").replaceWith(fresh);
      })
      .catch(function () { /* the next round tries again; the page still works */ });
  }

  window.setInterval(refresh, seconds * 1000);
})();
