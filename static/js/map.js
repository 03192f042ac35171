/* The results map (?view=map): the page's services as pins on a map served by this site alone. Loaded only on
   that view, after Leaflet and topojson-client (and protomaps-leaflet when street-level tiles are configured).
   The list below stays the text alternative: pins are named from it, follow its order, and choosing one shows
   its card. Without this script, or if it fails, the list is all there is, and it is complete. */
(function () {
  "use strict";

  var area = document.querySelector("[data-map-area]");
  var element = document.getElementById("results-map");
  if (!area || !element || !window.L || !window.topojson) {
    return;
  }
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var texts = JSON.parse(document.getElementById("map-texts").textContent);
  var selection = document.getElementById("map-selection");
  var tilesUrl = element.getAttribute("data-tiles");
  var GROUP_PIXELS = 36;
  var MAX_ZOOM = tilesUrl ? 18 : 12;
  var NETWORK_BOUNDS = [[-45, -125], [50, 145]];

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function card(serviceId) {
    return document.getElementById("service-" + serviceId);
  }

  /* The name the list shows for the service (in the language it shows it). */
  function serviceName(serviceId) {
    var found = card(serviceId);
    var link = found && found.querySelector("h3 a");
    return link ? link.textContent.trim() : "";
  }

  var pins = data.pins.map(function (pin, index) {
    var name = serviceName(pin.service);
    return {
      index: index,
      service: pin.service,
      exact: pin.exact,
      latlng: L.latLng(pin.lat, pin.lon),
      name: name,
      label: format(pin.exact ? texts.pin : texts.pin_city, { name: name, city: pin.city })
    };
  });

  area.hidden = false;
  var map = L.map(element, {
    zoomControl: false,
    keyboard: true,
    minZoom: 2,
    maxZoom: MAX_ZOOM,
    worldCopyJump: false,
    maxBounds: [[-85, -240], [85, 240]]
  });
  map.attributionControl.setPrefix(false);
  L.control.zoom({ zoomInTitle: texts.zoom_in, zoomOutTitle: texts.zoom_out }).addTo(map);
  /* Leaflet's container says nothing of itself; ours names the map and says how to use it. */
  element.setAttribute("role", "region");
  element.setAttribute("aria-roledescription", texts.map_role);

  function drawRegions(topology) {
    var land = { className: "map-land", interactive: false, weight: 0.6 };
    L.geoJSON(topojson.feature(topology, topology.objects.world), land).addTo(map);
    L.geoJSON(topojson.feature(topology, topology.objects.regions), {
      className: "map-land map-network",
      interactive: false,
      weight: 0.5
    }).addTo(map);
    var borders = topojson.mesh(topology, topology.objects.regions, function (a, b) {
      return a !== b && a.properties.c !== b.properties.c;
    });
    L.geoJSON(borders, { className: "map-border", interactive: false, weight: 1.5 }).addTo(map);
    /* City names for orientation, under the pins; the pins' own labels name their cities for screen readers. */
    map.createPane("labels");
    data.cities.forEach(function (city) {
      var label = L.marker([city.lat, city.lon], {
        icon: L.divIcon({ className: "map-city-label", html: "", iconSize: null }),
        interactive: false,
        keyboard: false,
        pane: "labels"
      }).addTo(map);
      label.getElement().textContent = city.name;
      label.getElement().setAttribute("aria-hidden", "true");
    });
    map.attributionControl.addAttribution(texts.attribution_regions);
  }

  function drawTiles() {
    protomapsL
      .leafletLayer({ url: tilesUrl, flavor: "light", lang: document.documentElement.lang, maxDataZoom: 15 })
      .addTo(map);
    map.attributionControl.addAttribution(texts.attribution_tiles);
  }

  function failed() {
    status(texts.failed);
  }

  function status(text) {
    var line = document.getElementById("map-status");
    if (line) {
      line.textContent = text;
    }
  }

  if (tilesUrl && window.protomapsL) {
    drawTiles();
  } else {
    fetch(element.getAttribute("data-basemap"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(drawRegions)
      .catch(failed);
  }

  if (data.place) {
    L.circle([data.place.lat, data.place.lon], {
      radius: data.place.radius_km * 1000,
      className: "map-radius",
      interactive: false
    }).addTo(map);
  }

  /* Pins close together on the screen are one group, made in the list's order: each group takes the place of
     its first pin, and the groups are added in that order, so Tab reaches them as the list reads. */
  var layer = L.layerGroup().addTo(map);
  var selected = null;

  function groupsAtThisZoom() {
    var groups = [];
    pins.forEach(function (pin) {
      var point = map.latLngToLayerPoint(pin.latlng);
      var group = null;
      for (var i = 0; i < groups.length && !group; i++) {
        if (groups[i].point.distanceTo(point) < GROUP_PIXELS) {
          group = groups[i];
        }
      }
      if (group) {
        group.pins.push(pin);
      } else {
        groups.push({ point: point, pins: [pin] });
      }
    });
    return groups;
  }

  function separable(group) {
    var bounds = L.latLngBounds(group.pins.map(function (pin) { return pin.latlng; }));
    return map.getZoom() < map.getMaxZoom() && !bounds.getNorthEast().equals(bounds.getSouthWest());
  }

  function groupLabel(group) {
    var names = group.pins.map(function (pin) { return pin.name; });
    var unique = names.filter(function (name, index) { return names.indexOf(name) === index; });
    if (unique.length === 1 && separable(group)) {
      return format(texts.places, { name: unique[0] });
    }
    return format(separable(group) ? texts.group : texts.group_here, { names: unique.join(", ") });
  }

  function markerFor(group) {
    var single = group.pins.length === 1;
    var pin = group.pins[0];
    var className = single ? (pin.exact ? "map-pin" : "map-pin map-pin-city") : "map-group";
    if (single && selected === pin) {
      className += " is-selected";
    }
    var marker = L.marker(pin.latlng, {
      icon: L.divIcon({
        className: className,
        html: single ? "" : "<span>" + group.pins.length + "</span>",
        iconSize: single ? (pin.exact ? [24, 24] : [34, 34]) : [40, 40]
      }),
      keyboard: true,
      title: single ? pin.label : groupLabel(group),
      riseOnHover: true
    });
    marker.on("click", function () {
      choose(group);
    });
    marker.on("add", function () {
      var icon = marker.getElement();
      icon.setAttribute("aria-label", single ? pin.label : groupLabel(group));
      icon.setAttribute("data-pin", pin.index);
      icon.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          event.stopPropagation();
          choose(group);
        }
      });
    });
    return marker;
  }

  function draw() {
    layer.clearLayers();
    groupsAtThisZoom().forEach(function (group) {
      layer.addLayer(markerFor(group));
    });
  }

  function focusPin(index) {
    var icon = element.querySelector('[data-pin="' + index + '"]');
    if (icon) {
      icon.focus();
    }
  }

  function choose(group) {
    if (group.pins.length === 1) {
      show(group.pins[0]);
    } else if (separable(group)) {
      var first = group.pins[0].index;
      map.once("moveend", function () {
        focusPin(first);
      });
      map.fitBounds(L.latLngBounds(group.pins.map(function (pin) { return pin.latlng; })), { padding: [48, 48] });
    } else {
      list(group);
    }
  }

  function panel(heading) {
    selection.textContent = "";
    selection.hidden = false;
    var bar = document.createElement("p");
    bar.className = "map-selection-bar";
    var back = document.createElement("button");
    back.type = "button";
    back.className = "secondary";
    back.textContent = texts.back;
    bar.appendChild(back);
    selection.appendChild(bar);
    if (heading) {
      var title = document.createElement("h3");
      title.textContent = heading;
      selection.appendChild(title);
    }
    return back;
  }

  /* Several services at one place that no zoom separates: their names, each showing its card. */
  function list(group) {
    var back = panel(texts.here);
    back.addEventListener("click", function () {
      close(group.pins[0].index);
    });
    var items = document.createElement("ul");
    items.className = "map-choices";
    group.pins.forEach(function (pin) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = pin.label;
      button.addEventListener("click", function () {
        show(pin);
      });
      item.appendChild(button);
      items.appendChild(item);
    });
    selection.appendChild(items);
    selection.focus();
  }

  /* The service's own result card from the list (its distance, phone and list button), shown under the map. */
  function show(pin) {
    var original = card(pin.service);
    if (!original) {
      return;
    }
    selected = pin;
    draw();
    var back = panel("");
    back.addEventListener("click", function () {
      close(pin.index);
    });
    var copy = original.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (node) {
      node.removeAttribute("id");
    });
    copy.classList.add("map-card");
    selection.appendChild(copy);
    var inList = document.createElement("p");
    var link = document.createElement("a");
    link.href = "#service-" + pin.service;
    link.textContent = texts.show_in_list;
    inList.appendChild(link);
    selection.appendChild(inList);
    selection.setAttribute("aria-label", pin.label);
    selection.focus();
  }

  function close(index) {
    selected = null;
    selection.hidden = true;
    selection.textContent = "";
    draw();
    focusPin(index);
  }

  map.on("zoomend", draw);

  var points = pins.map(function (pin) { return pin.latlng; });
  if (data.place) {
    var centre = L.latLng(data.place.lat, data.place.lon);
    points.push(centre.toBounds(data.place.radius_km * 2000).getNorthEast());
    points.push(centre.toBounds(data.place.radius_km * 2000).getSouthWest());
  }
  if (points.length) {
    map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: Math.min(MAX_ZOOM, 14) });
  } else {
    map.fitBounds(NETWORK_BOUNDS);
  }
  draw();
})();
