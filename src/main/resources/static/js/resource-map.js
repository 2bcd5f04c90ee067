// The resource map: teams, shelters and warehouses in the current view, one colour per kind, each
// with a popup linking to its page; a tap elsewhere offers the nearest resources to that spot.
// Texts and URLs come from the map element's data-* attributes.
(function () {
  'use strict';

  const el = document.getElementById('resource-map');
  if (!el || !window.L) return;
  const d = el.dataset;
  const KINDS = {
    RESCUE_TEAM: { colour: '#c62828', path: 'teams', label: d.labelTeam },
    SHELTER: { colour: '#2e7d32', path: 'shelters', label: d.labelShelter },
    WAREHOUSE: { colour: '#1565c0', path: 'warehouses', label: d.labelWarehouse }
  };

  // Linpu's town centre; the plain background needs no tile server, which a town may not have
  const map = L.map(el, { minZoom: 9, maxZoom: 18 }).setView([30.05, 120.25], 12);
  L.control.scale({ imperial: false }).addTo(map);
  const groups = {};
  const overlays = {};
  Object.keys(KINDS).forEach((kind) => {
    groups[kind] = L.layerGroup().addTo(map);
    overlays['<span style="color:' + KINDS[kind].colour + '">&#9679;</span> ' + escapeHtml(KINDS[kind].label)] = groups[kind];
  });
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);

  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text || '';
    return span.innerHTML;
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json, application/geo+json' } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error('http ' + r.status))));
  }

  // village outlines for orientation, when the viewer may see the grid
  if (d.villagesUrl) {
    getJson(d.villagesUrl).then((fc) => {
      L.geoJSON(fc, { interactive: false, style: { color: '#78909c', weight: 1, fillOpacity: 0.03 } }).addTo(map).bringToBack();
    }).catch(() => {});
  }

  function popup(p) {
    const box = document.createElement('div');
    const link = document.createElement('a');
    link.href = d.detailUrl + '/' + KINDS[p.kind].path + '/' + p.id;
    link.textContent = p.name;
    const summary = document.createElement('div');
    summary.textContent = p.summary;
    box.append(link, summary);
    return box;
  }

  function load() {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
    const url = d.withinUrl + '?west=' + clamp(b.getWest(), 180) + '&south=' + clamp(b.getSouth(), 90)
      + '&east=' + clamp(b.getEast(), 180) + '&north=' + clamp(b.getNorth(), 90) + '&limit=2000';
    getJson(url).then((places) => {
      Object.values(groups).forEach((g) => g.clearLayers());
      places.forEach((p) => {
        L.circleMarker([p.lat, p.lon], { radius: 8, color: KINDS[p.kind].colour, weight: 2, fillOpacity: 0.75 })
          .bindPopup(popup(p)).addTo(groups[p.kind]);
      });
      document.getElementById('resource-map-count').textContent = (d.labelCount || '{0}').replace('{0}', places.length);
      el.dataset.loaded = String(places.length);
    }).catch(() => {});
  }

  map.on('moveend', load);
  map.on('click', (e) => {
    const link = document.createElement('a');
    link.href = d.nearestUrl + '?lon=' + e.latlng.lng.toFixed(6) + '&lat=' + e.latlng.lat.toFixed(6);
    link.textContent = d.labelNearest;
    link.id = 'nearest-here';
    L.popup().setLatLng(e.latlng).setContent(link).openOn(map);
  });
  load();
}());
