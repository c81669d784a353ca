// Progressive enhancement of the article's comments: the page itself is public and
// cached, so the reader's own part (account bar, form, liked state) is fetched from an
// uncacheable endpoint and put in place. Without JavaScript the links on the page lead
// to the full comments page, which works on its own.
(function () {
  "use strict";

  function markLiked(liked) {
    document.querySelectorAll("[data-like]").forEach(function (link) {
      if (liked.indexOf(link.getAttribute("data-like")) !== -1) {
        link.classList.add("comment__like-link--liked");
        link.setAttribute("aria-label", link.textContent.trim() + " ✓");
      }
    });
  }

  function enhance(section) {
    var url = section.getAttribute("data-fragment-url");
    var slot = section.querySelector("[data-comments-me]");
    if (!url || !slot || !window.fetch) {
      return;
    }
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (response.status !== 200) {
          return null; // 204: not logged in; the public prompt stays as it is
        }
        return response.text();
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        // The fragment is rendered by our server with every reader-supplied value
        // escaped; DOMParser never runs scripts it parses.
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var fragment = parsed.querySelector(".comments__fragment");
        if (!fragment) {
          return;
        }
        slot.replaceChildren.apply(slot, Array.prototype.slice.call(fragment.childNodes));
        var liked = (fragment.getAttribute("data-liked") || "").split(" ");
        markLiked(liked);
      })
      .catch(function () {
        /* offline or server error: the public links keep working */
      });
  }

  document.querySelectorAll("section.comments[data-fragment-url]").forEach(enhance);
})();
