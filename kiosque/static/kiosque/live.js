// « En direct »: keeps an open live page current without reloading it.
//
// Every few seconds (the newsroom's setting, in data-poll-seconds) the page asks the
// edge for the live's polling answer, the same cached bytes for every reader, and
// applies it: edited entries change in place, deleted ones go, and new ones wait behind
// a « N nouvelles entrées » button unless the reader is at the top of the stream, so
// the text being read never moves. Without JavaScript the page works as it is (reload).
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root || root.getAttribute("data-latest") !== "true") return;  // an older window
  var url = root.getAttribute("data-updates-url");
  var seconds = Math.min(Math.max(parseInt(root.getAttribute("data-poll-seconds"), 10) || 15, 10), 30);
  var feed = root.querySelector("[data-live-feed]");
  var notice = root.querySelector("[data-live-notice]");
  var pinnedSlot = root.querySelector("[data-live-pinned]");
  var MAX_OPEN = 12 * 3600 * 1000;  // after that, the reader reloads: the page says so
  var opened = Date.now();
  var waiting = [];  // new entries not shown yet, newest first: {id, version, html}
  var failures = 0;
  var timer = null;

  function fromHtml(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }

  function shownEntry(id) {
    return feed.querySelector('[data-entry-id="' + id + '"]');
  }

  function replaceIfChanged(entry) {
    var current = shownEntry(entry.id);
    if (current && current.getAttribute("data-version") !== String(entry.version)) {
      current.replaceWith(fromHtml(entry.html));
    }
    return current;
  }

  function atTop() {
    return feed.getBoundingClientRect().top >= 0;
  }

  function showWaiting() {
    var count = waiting.length;
    notice.textContent = "";
    if (!count) return;
    var label = count === 1
      ? notice.getAttribute("data-one")
      : notice.getAttribute("data-many").replace("__N__", count);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button live-notice__button";
    button.textContent = label;
    button.addEventListener("click", function () {
      var first = insertWaiting();
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.focus();
      }
    });
    notice.appendChild(button);
  }

  function insertWaiting() {
    var first = null;
    for (var i = waiting.length - 1; i >= 0; i--) {  // oldest first, each on top
      if (shownEntry(waiting[i].id)) continue;
      var element = fromHtml(waiting[i].html);
      feed.insertBefore(element, feed.firstElementChild);
      first = element;
    }
    waiting = [];
    showWaiting();
    var empty = root.querySelector(".live-empty");
    if (empty) empty.remove();
    return first;
  }

  function applyPinned(pinned) {
    var current = pinnedSlot.firstElementChild;
    if (!pinned) {
      pinnedSlot.textContent = "";
      return;
    }
    var stale = !current || current.getAttribute("data-entry-id") !== String(pinned.id) ||
      current.getAttribute("data-version") !== String(pinned.version);
    if (stale) pinnedSlot.replaceChildren(fromHtml(pinned.html));
    var inStream = shownEntry(pinned.id);
    if (inStream) inStream.remove();
  }

  function apply(answer) {
    (answer.removed || []).forEach(function (id) {
      var element = shownEntry(id);
      if (element) element.remove();
      waiting = waiting.filter(function (entry) { return entry.id !== id; });
    });
    (answer.changed || []).forEach(replaceIfChanged);
    var newest = feed.firstElementChild;
    var newestTime = newest ? Date.parse(newest.querySelector("time").getAttribute("datetime")) : 0;
    (answer.entries || []).forEach(function (entry) {
      if (replaceIfChanged(entry)) return;
      var known = waiting.filter(function (w) { return w.id === entry.id; })[0];
      if (known) {
        known.html = entry.html;
      } else if (Date.parse(entry.posted_at) >= newestTime) {
        waiting.push(entry);
      }
    });
    waiting.sort(function (a, b) { return Date.parse(b.posted_at) - Date.parse(a.posted_at) || b.id - a.id; });
    applyPinned(answer.pinned);
    if (waiting.length && atTop()) {
      var count = waiting.length;
      insertWaiting();
      notice.textContent = count === 1
        ? notice.getAttribute("data-one")
        : notice.getAttribute("data-many").replace("__N__", count);
    } else {
      showWaiting();
    }
    if (answer.state === "ended") stop();
  }

  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function schedule() {
    stop();
    if (Date.now() - opened > MAX_OPEN) {
      notice.textContent = notice.getAttribute("data-away");
      return;
    }
    var delay = seconds * 1000 * Math.pow(2, Math.min(failures, 3));  // back off on errors
    timer = setTimeout(poll, delay);
  }

  function poll() {
    if (document.hidden) return;  // resumed by visibilitychange
    fetch(url, { cache: "no-cache", credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (answer) {
        failures = 0;
        apply(answer);
        if (answer.state !== "ended") schedule();
      })
      .catch(function () {
        failures += 1;
        schedule();
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) poll();
  });
  schedule();
})();
