// The grid report form on a phone: takes the phone's position when it allows, and lets the reporter
// tap the small map (or type) to put the point where the hazard really is. Texts come from data-*.
(function () {
  'use strict';
  const lonInput = document.getElementById('lon');
  const latInput = document.getElementById('lat');
  const status = document.getElementById('position-status');
  const el = document.getElementById('report-map');
  if (!lonInput || !latInput) return;

  let map = null;
  let marker = null;
  // Linpu town centre, where the map opens before a position is known
  const START = [30.05, 120.25];

  function show(lat, lon) {
    if (!map) return;
    const at = [lat, lon];
    if (marker) marker.setLatLng(at); else marker = L.marker(at).addTo(map);
    map.setView(at, Math.max(map.getZoom(), 16));
  }

  function set(lat, lon) {
    lonInput.value = lon.toFixed(6);
    latInput.value = lat.toFixed(6);
    show(lat, lon);
  }

  if (el && window.L) {
    map = L.map(el, { attributionControl: false }).setView(START, 13);
    map.on('click', (e) => set(e.latlng.lat, e.latlng.lng));
    if (lonInput.value && latInput.value) show(parseFloat(latInput.value), parseFloat(lonInput.value));
  }
  [lonInput, latInput].forEach((input) => input.addEventListener('change', () => {
    const lon = parseFloat(lonInput.value);
    const lat = parseFloat(latInput.value);
    if (!isNaN(lon) && !isNaN(lat)) show(lat, lon);
  }));

  function locate() {
    if (!navigator.geolocation) return;
    status.textContent = status.dataset.locating;
    navigator.geolocation.getCurrentPosition(
      (p) => { set(p.coords.latitude, p.coords.longitude); status.textContent = status.dataset.located; },
      () => { status.textContent = status.dataset.failed; },
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  }
  document.getElementById('locate-me').addEventListener('click', locate);
  if (!lonInput.value) locate();
})();
