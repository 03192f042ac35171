/* The coverage page's choropleth: each region of the countries shown, coloured by its number of public services.
   The tables on the page hold the same figures; without this script they are the whole page. */
(function () {
  "use strict";

  var element = document.getElementById("coverage-map");
  if (!element || !window.L || !window.topojson) {
    return;
  }
  var data = JSON.parse(document.getElementById("coverage-data").textContent);
  var texts = JSON.parse(document.getElementById("coverage-texts").textContent);

  function band(count) {
    if (!count) {
      return "coverage-none";
    }
    if (count === 1) {
      return "coverage-1";
    }
    if (count < 5) {
      return "coverage-2";
    }
    return count < 10 ? "coverage-3" : "coverage-4";
  }

  fetch(element.getAttribute("data-basemap"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(function (topology) {
      element.hidden = false;
      document.getElementById("coverage-legend").hidden = false;
      var map = L.map(element, { zoomControl: false, minZoom: 2, maxZoom: 10 });
      map.attributionControl.setPrefix(false);
      L.control.zoom({ zoomInTitle: texts.zoom_in, zoomOutTitle: texts.zoom_out }).addTo(map);
      L.geoJSON(topojson.feature(topology, topology.objects.world), {
        className: "map-land",
        interactive: false,
        weight: 0.6
      }).addTo(map);
      var shown = L.featureGroup();
      L.geoJSON(topojson.feature(topology, topology.objects.regions), {
        style: function (feature) {
          var found = data.regions[feature.properties.code];
          var inside = data.countries.indexOf(feature.properties.c) >= 0;
          return {
            className: "coverage-region " + (inside ? band(found ? found[0] : 0) : "coverage-outside"),
            interactive: inside,
            weight: 0.8
          };
        },
        onEachFeature: function (feature, layer) {
          var found = data.regions[feature.properties.code];
          if (found) {
            layer.bindTooltip(found[1], { sticky: true });
            shown.addLayer(L.geoJSON(feature));
          }
        }
      }).addTo(map);
      map.attributionControl.addAttribution("Natural Earth");
      if (shown.getLayers().length) {
        map.fitBounds(shown.getBounds(), { padding: [16, 16] });
      } else {
        map.fitBounds([[-45, -125], [50, 145]]);
      }
    })
    .catch(function () {
      element.hidden = true;
    });
})();
