// The point form on the phone: shows the note, hazard and category fields of an item only when it
// fails, and records the phone's position when the browser may tell it (hidden lon/lat fields).
(function () {
  'use strict';

  document.querySelectorAll('.point-form .item').forEach((item) => {
    const onFail = item.querySelector('.on-fail');
    item.querySelectorAll('input[type=radio]').forEach((radio) => {
      radio.addEventListener('change', () => {
        onFail.classList.toggle('hidden', radio.dataset.result !== 'FAIL' || !radio.checked);
      });
    });
  });

  const status = document.getElementById('gps-status');
  const lon = document.getElementById('gps-lon');
  const lat = document.getElementById('gps-lat');
  if (!status || !lon || !lat) return;
  if (!navigator.geolocation) {
    status.textContent = status.dataset.missing;
    return;
  }
  navigator.geolocation.getCurrentPosition((pos) => {
    lon.value = pos.coords.longitude.toFixed(6);
    lat.value = pos.coords.latitude.toFixed(6);
    status.textContent = status.dataset.found.replace('{0}', lat.value + ', ' + lon.value);
  }, () => {
    status.textContent = status.dataset.missing;
  }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
})();
