// « il y a 12 min »: the times of la une's « Fil info », worked out in the reader's
// browser from each <time datetime>, so that a page kept by the edge cache for minutes
// still says how old each story is now. Without JavaScript the absolute time stays.
(function () {
  "use strict";
  var french = document.documentElement.lang !== "en";
  var MINUTE = 60 * 1000;

  function ago(minutes) {
    if (minutes < 1) return french ? "À l’instant" : "Just now";
    if (minutes < 60) return french ? "Il y a " + minutes + "\u00a0min" : minutes + " min ago";
    var hours = Math.floor(minutes / 60);
    if (french) return "Il y a " + hours + "\u00a0h";
    return hours === 1 ? "1 hour ago" : hours + " hours ago";
  }

  function refresh() {
    var now = Date.now();
    var times = document.querySelectorAll("time[data-relative]");
    for (var i = 0; i < times.length; i++) {
      var time = times[i];
      var moment = Date.parse(time.getAttribute("datetime"));
      if (isNaN(moment)) continue;
      if (!time.title) time.title = time.textContent;  // the absolute time, on hover
      var minutes = Math.floor((now - moment) / MINUTE);
      // Older than a day, or in the future (a skewed clock): the absolute time is clearer.
      time.textContent = minutes >= 0 && minutes < 24 * 60 ? ago(minutes) : time.title;
    }
  }

  refresh();
  window.setInterval(refresh, MINUTE);
})();
