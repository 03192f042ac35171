/* The quick exit's guard, loaded in <head> as a blocking script so that it runs before the page is drawn: after a
   quick exit (site.js sets the flag), a page of the directory reached again with Back, Forward or reload is
   hidden and leaves at once, never shown. A page kept for Back (the back-forward cache) is stored hidden and shows
   again only once this check has run. Kept tiny: every page waits for it. */
(function () {
  "use strict";

  var FLAG = "rssn-left";
  var root = document.documentElement;

  function flagged() {
    try {
      return window.sessionStorage.getItem(FLAG) === "1";
    } catch (error) {
      return false;
    }
  }

  function exitUrl() {
    var meta = document.querySelector('meta[name="quick-exit"]');
    return (meta && meta.content) || "about:blank";
  }

  /* Only pages reached with Back/Forward or reload (or from the back-forward cache) leave again; typing the
     address later starts afresh in this tab. */
  function cameBack(event) {
    if (event && event.persisted) {
      return true;
    }
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    if (entries.length) {
      return entries[0].type === "back_forward" || entries[0].type === "reload";
    }
    return true;
  }

  function check(event) {
    if (flagged() && cameBack(event)) {
      root.classList.add("leaving");
      window.location.replace(exitUrl());
      return;
    }
    if (flagged()) {
      try {
        window.sessionStorage.removeItem(FLAG);
      } catch (error) {
        /* Nothing to forget. */
      }
    }
    root.classList.remove("leaving");
  }

  check();
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      check(event);
    }
  });
  window.addEventListener("pagehide", function (event) {
    if (event.persisted) {
      root.classList.add("leaving");
    }
  });
})();
