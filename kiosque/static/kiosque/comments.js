// Progressive enhancement of the comments. The article page itself is public and cached,
// so the reader's own part (account bar, form, liked state, CSRF token) is fetched from
// an uncacheable endpoint and put in place. « J'aime » then toggles in place, on the
// article page and on the full comments page. Without JavaScript every link and form
// leads to the full comments page, which works on its own.
(function () {
  "use strict";

  function likeControls(commentId) {
    // A comment can be shown twice (editor's picks and its thread).
    return document.querySelectorAll(
      '[data-like="' + commentId + '"], [data-comment="' + commentId + '"] [data-like-form] button'
    );
  }

  function showLiked(commentId, liked, count) {
    likeControls(commentId).forEach(function (control) {
      control.setAttribute("aria-pressed", liked ? "true" : "false");
      control.classList.toggle("comment__like-link--liked", liked);
      var number = control.querySelector(".comment__likes");
      if (number && typeof count === "number") {
        number.textContent = String(count);
      }
    });
  }

  function say(control, text) {
    // One message line per comment, read out by screen readers.
    var footer = control.closest(".comment__actions") || control.parentNode;
    var line = footer.querySelector(".comment__like-message");
    if (!line) {
      line = document.createElement("span");
      line.className = "comment__like-message";
      line.setAttribute("role", "status");
      footer.appendChild(line);
    }
    line.textContent = text;
  }

  function toggleLike(control, commentId, url, token, fallback) {
    if (control.getAttribute("aria-busy") === "true") {
      return; // a double click sends one request
    }
    control.setAttribute("aria-busy", "true");
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRFToken": token,
      },
      body: "csrfmiddlewaretoken=" + encodeURIComponent(token),
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === -1) {
          throw new Error("not an answer of the like endpoint"); // e.g. session expired
        }
        return response.json().then(function (data) {
          if (response.ok) {
            showLiked(commentId, data.liked, data.count);
            say(control, "");
          } else {
            say(control, data.error || "");
          }
        });
      })
      .catch(fallback)
      .then(function () {
        control.removeAttribute("aria-busy");
      });
  }

  // The article page: public « J'aime » links become toggle buttons for a reader who may
  // react (the private fragment then carries a CSRF token).
  function enhanceLikeLinks(root, token, liked) {
    root.querySelectorAll("a[data-like][data-like-action]").forEach(function (link) {
      var commentId = link.getAttribute("data-like");
      link.setAttribute("role", "button");
      link.setAttribute("aria-pressed", liked.indexOf(commentId) !== -1 ? "true" : "false");
      link.classList.toggle("comment__like-link--liked", liked.indexOf(commentId) !== -1);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        toggleLike(link, commentId, link.getAttribute("data-like-action"), token, function () {
          window.location.href = link.href; // the full page, where the form works
        });
      });
    });
  }

  // The full comments page: the like forms post in the background.
  function enhanceLikeForms(root) {
    root.querySelectorAll("form[data-like-form]").forEach(function (form) {
      var comment = form.closest("[data-comment]");
      var tokenField = form.querySelector("input[name=csrfmiddlewaretoken]");
      var button = form.querySelector("button");
      if (!comment || !tokenField || !button) {
        return;
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        toggleLike(button, comment.getAttribute("data-comment"), form.action, tokenField.value, function () {
          form.submit(); // the plain post, as without JavaScript
        });
      });
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
        var token = fragment.getAttribute("data-csrf");
        if (token) {
          enhanceLikeLinks(document, token, liked);
        } else {
          // May not react now (e.g. suspended): the links stay links, past likes show.
          liked.forEach(function (id) {
            document.querySelectorAll('a[data-like="' + id + '"]').forEach(function (link) {
              link.classList.add("comment__like-link--liked");
            });
          });
        }
      })
      .catch(function () {
        /* offline or server error: the public links keep working */
      });
  }

  if (window.fetch) {
    enhanceLikeForms(document);
  }
  document.querySelectorAll("section.comments[data-fragment-url]").forEach(enhance);
})();
