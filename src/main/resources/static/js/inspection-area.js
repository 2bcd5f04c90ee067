// The area of a campaign drawn on the map: each click adds a corner, "finish" closes the polygon and
// writes it as GeoJSON into the form's area field and announces the change (the preview count follows), "clear"
// removes it. The offline base map (rivers, roads) shows where the town is.
(function () {
  'use strict';

  const el = document.getElementById('area-map');
  const field = document.getElementById('area');
  if (!el || !field || !window.L) return;

  const map = L.map(el, { minZoom: 9, maxZoom: 19 }).setView([30.05, 120.25], 13);
  fetch(el.dataset.base, { headers: { Accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((data) => {
      if (!data || !data.features || !data.features.length) return;
      const layer = L.geoJSON(data, {
        interactive: false,
        style: (f) => (f.properties.kind === 'WATER'
          ? { stroke: false, fillColor: '#a8cfee', fillOpacity: 1 }
          : { color: f.properties.kind === 'RIVER' ? '#6fa8dc' : '#d9a441', weight: 2, fill: false })
      }).addTo(map);
      map.fitBounds(layer.getBounds());
    });

  let corners = [];
  let shape = null;
  // for browser tests: the map and the corners drawn so far
  window.lyzAreaMap = { map: map, get corners() { return corners.length; } };

  function redraw(closed) {
    if (shape) map.removeLayer(shape);
    shape = corners.length === 0 ? null
      : (closed ? L.polygon(corners, { color: '#c62828' }) : L.polyline(corners, { color: '#c62828', dashArray: '4' }));
    if (shape) shape.addTo(map);
  }

  map.on('click', (e) => {
    if (field.value) {
      corners = [];
      field.value = '';
    }
    corners.push([e.latlng.lat, e.latlng.lng]);
    redraw(false);
  });

  document.getElementById('area-finish').addEventListener('click', () => {
    if (corners.length < 3) return;
    const ring = corners.map((c) => [Number(c[1].toFixed(6)), Number(c[0].toFixed(6))]);
    ring.push(ring[0]);
    field.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
    redraw(true);
    // a change of the form field: the targets' fieldset refreshes the preview count on it (htmx)
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });

  document.getElementById('area-clear').addEventListener('click', () => {
    corners = [];
    field.value = '';
    redraw(false);
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
})();
