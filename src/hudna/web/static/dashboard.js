// The dashboard's map: admin1 boundaries (served by the app, no internet) and incident
// markers. Every text shown comes from JSON and is set with textContent, never as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var lang = el.dataset.lang || "en";
  var markers = JSON.parse(document.getElementById("markers").textContent || "[]");
  var names = JSON.parse(document.getElementById("category-names").textContent || "{}");
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.setView([35.0, 38.5], 6.5);

  function popup(m) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var link = document.createElement("a");
    link.href = "/incidents/" + encodeURIComponent(m.id) + "?lang=" + lang;
    link.textContent = (names[m.category] || m.category) + " — " + (m.place_name || "");
    var meta = document.createElement("div");
    meta.textContent = (m.date || "") + " · " + m.corroboration;
    box.appendChild(link);
    box.appendChild(meta);
    return box;
  }

  fetch(el.dataset.boundaries).then(function (r) { return r.json(); }).then(function (geo) {
    var layer = L.geoJSON(geo, {
      style: { color: "#4a5a6a", weight: 1, fillColor: "#ffffff", fillOpacity: 0.75 },
      onEachFeature: function (f, l) {
        l.bindTooltip(lang === "ar" ? f.properties.name_ar : f.properties.name_en, { sticky: true });
      }
    }).addTo(map);
    map.attributionControl.addAttribution("Boundaries: OCHA/HDX COD");
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    var group = L.featureGroup();
    markers.forEach(function (m) {
      L.circleMarker([m.lat, m.lon], {
        radius: Math.min(4 + 2 * Math.sqrt(m.corroboration || 1), 14),
        color: "#9b2226", weight: 1, fillColor: "#c0392b", fillOpacity: 0.7
      }).bindPopup(popup(m)).addTo(group);
    });
    group.addTo(map);
    el.dataset.ready = String(markers.length);
  });

  var form = document.getElementById("filters");
  if (form) {
    form.querySelectorAll("select, input[type=date]").forEach(function (input) {
      input.addEventListener("change", function () { form.requestSubmit(); });
    });
  }
})();
