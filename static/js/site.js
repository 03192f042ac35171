/* Small conveniences on top of pages that work without JavaScript: quick exit (click or Shift three times; leaving
   again when Back returns after it is exit-guard.js's work, before the page is drawn), "near me" geolocation,
   printing the referral list, and sharing by copy or the system's share sheet. */
(function () {
  "use strict";

  var FLAG = "rssn-left";
  var root = document.documentElement;

  function exitUrl() {
    var link = document.getElementById("quick-exit");
    return (link && link.href) || "about:blank";
  }

  function leave() {
    try {
      window.sessionStorage.setItem(FLAG, "1");
    } catch (error) {
      /* Storage can be blocked; leaving matters more. */
    }
    root.classList.add("leaving");
    window.location.replace(exitUrl());
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("#quick-exit") : null;
    if (link && event.button === 0) {
      event.preventDefault();
      leave();
    }
  });

  /* Shift pressed alone three times within a second. Any other key in between starts again, so typing capital
     letters never triggers it. */
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat || event.ctrlKey || event.altKey || event.metaKey) {
      presses = [];
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time < 1000;
    });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  });

  /* "Near me": the browser is asked only when the button is pressed; the position is rounded to about 1 km and
     only sent with this search. Without permission the form still offers the choice of a city. */
  var nearButton = document.querySelector("[data-near-me]");
  if (nearButton && navigator.geolocation) {
    nearButton.addEventListener("click", function (event) {
      var form = nearButton.form;
      var lat = form.querySelector("[data-near-lat]");
      var lon = form.querySelector("[data-near-lon]");
      var status = form.querySelector("[data-near-status]");
      if (lat && !lat.disabled) {
        return;
      }
      event.preventDefault();
      if (status) {
        status.hidden = false;
        status.textContent = nearButton.getAttribute("data-asking") || "";
      }
      navigator.geolocation.getCurrentPosition(
        function (position) {
          lat.value = position.coords.latitude.toFixed(2);
          lon.value = position.coords.longitude.toFixed(2);
          lat.disabled = false;
          lon.disabled = false;
          var city = form.querySelector("select[name=near]");
          if (city) {
            city.disabled = true;
          }
          form.submit();
        },
        function () {
          /* Refused or unavailable: continue without it, the results page offers the city choice. */
          var marker = document.createElement("input");
          marker.type = "hidden";
          marker.name = "near_me";
          marker.value = "1";
          form.appendChild(marker);
          var city = form.querySelector("select[name=near]");
          if (city && !city.value) {
            city.disabled = true;
          }
          form.submit();
        },
        { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 }
      );
    });
  }

  /* Controls that only work with this script (the results' "Map" view) are shown by it. */
  document.querySelectorAll("[data-needs-script]").forEach(function (element) {
    element.hidden = false;
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  /* The referral list's link: selected on focus. */
  var share = document.getElementById("share-link");
  if (share) {
    share.addEventListener("focus", function () {
      share.select();
    });
  }

  /* Sharing: the page's address copied with one tap, or handed to the system's share sheet (Web Share API), where
     the browser offers them; the plain share links work without this. */
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    if (!navigator.clipboard) {
      return;
    }
    button.parentNode.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-url")).then(function () {
        button.textContent = button.getAttribute("data-copied");
      });
    });
  });
  document.querySelectorAll("[data-share-sheet]").forEach(function (button) {
    if (!navigator.share) {
      return;
    }
    button.parentNode.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-share-text");
      navigator.share({ title: text, text: text, url: button.getAttribute("data-share-url") }).catch(function () {
        /* Closed without sharing: nothing to do. */
      });
    });
  });
})();
