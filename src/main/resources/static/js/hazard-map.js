// The small map of a hazard's detail page: one dot in its level's colour, on the offline background.
(function () {
  'use strict';
  const el = document.getElementById('hazard-map');
  if (!el || !window.L) return;
  const lon = parseFloat(el.dataset.lon);
  const lat = parseFloat(el.dataset.lat);
  if (isNaN(lon) || isNaN(lat)) return;
  const map = L.map(el, { zoomControl: true, attributionControl: false }).setView([lat, lon], 16);
  L.circleMarker([lat, lon], { radius: 9, color: '#fff', weight: 2, fillColor: el.dataset.colour, fillOpacity: 1 })
    .addTo(map);
})();
