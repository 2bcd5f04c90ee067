// The position picker on the resource forms: a tap on the map writes its longitude and latitude
// into the #lon and #lat fields (six decimals, about 0.1 m), and a marker shows the point typed
// or tapped, so the two always agree.
(function () {
  'use strict';

  const el = document.getElementById('resource-pick-map');
  const lon = document.getElementById('lon');
  const lat = document.getElementById('lat');
  if (!el || !lon || !lat || !window.L) return;

  // Linpu's town centre, as on the resource map; no tile server needed
  const map = L.map(el, { minZoom: 9, maxZoom: 18 }).setView([30.05, 120.25], 12);
  L.control.scale({ imperial: false }).addTo(map);
  let marker = null;

  // village outlines for orientation, when the person may see the grid; taps go through them
  if (el.dataset.villagesUrl) {
    fetch(el.dataset.villagesUrl, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json' } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error('http ' + r.status))))
      .then((fc) => {
        L.geoJSON(fc, { interactive: false, style: { color: '#78909c', weight: 1, fillOpacity: 0.03 } }).addTo(map).bringToBack();
      })
      .catch(() => {});
  }

  function show(y, x) {
    if (marker) {
      marker.setLatLng([y, x]);
    } else {
      marker = L.circleMarker([y, x], { radius: 8, color: '#c62828' }).addTo(map);
    }
  }

  // a point typed in (or kept after a refusal) is drawn when it is a plausible one
  function fromFields() {
    const x = parseFloat(lon.value);
    const y = parseFloat(lat.value);
    if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90) {
      show(y, x);
    }
  }

  map.on('click', (e) => {
    lon.value = e.latlng.lng.toFixed(6);
    lat.value = e.latlng.lat.toFixed(6);
    show(e.latlng.lat, e.latlng.lng);
  });
  lon.addEventListener('change', fromFields);
  lat.addEventListener('change', fromFields);
  fromFields();
  el.dataset.ready = 'true';
})();
