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

  /* Hidden by the element's own style as well as by the stylesheet's html.leaving rule: this script runs before
     the stylesheet has arrived, and a page whose stylesheet failed would otherwise be drawn. (A style set from a
     script is not inline code for the Content-Security-Policy.) */
  function hide() {
    root.classList.add("leaving");
    root.style.visibility = "hidden";
  }

  function check(event) {
    if (flagged() && cameBack(event)) {
      hide();
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
    root.style.removeProperty("visibility");
  }

  check();
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      check(event);
    }
  });
  window.addEventListener("pagehide", function (event) {
    if (event.persisted) {
      hide();
    }
  });
})();
