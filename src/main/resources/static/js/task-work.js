// Working on a task from a phone.
// Check-in: asks the browser for the position and posts it; without one the server flags the check-in.
// Submission: the result and photos go into an outbox in IndexedDB first, with an idempotency key made
// here, and are sent from there: when the network is down they wait (the page says so) and are sent
// when it returns. A resend carries the same key, so the server stores the submission once.
(function () {
  const DB_NAME = 'lyz-task-outbox';
  const STORE = 'submissions';
  const RETRY_MS = 10000;

  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function inStore(mode, work) {
    return openDb().then((db) => new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => { db.close(); resolve(request ? request.result : undefined); };
      transaction.onerror = () => { db.close(); reject(transaction.error); };
    }));
  }

  const save = (item) => inStore('readwrite', (s) => s.put(item));
  const forget = (key) => inStore('readwrite', (s) => s.delete(key));
  const pending = (taskId) => inStore('readonly', (s) => s.getAll())
    .then((items) => (items || []).filter((i) => i.task === taskId));

  function newKey(fallback) {
    return window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() : fallback;
  }

  function setupSubmission(form) {
    const status = document.getElementById('outbox-status');
    const button = form.querySelector('button[type=submit]');
    const taskId = form.dataset.task;
    let sending = false;

    function show(text, kind) {
      status.hidden = false;
      status.textContent = text;
      status.className = 'alert ' + (kind || 'warn');
      status.dataset.kind = kind || 'warn';
    }

    function send(item) {
      const body = new FormData();
      body.append('idempotencyKey', item.key);
      if (item.version) body.append('version', item.version);
      body.append('result', item.result || '');
      item.photos.forEach((p) => body.append('photos', new Blob([p.data], { type: p.type }), p.name));
      const headers = Object.assign({ 'Idempotency-Key': item.key, Accept: 'application/json' }, window.lyzCsrfHeaders());
      return fetch(item.url, { method: 'POST', body: body, headers: headers, credentials: 'same-origin' });
    }

    // Sends what waits in the outbox for this task; stops at the first network failure and tries later.
    async function flush() {
      if (sending) return;
      sending = true;
      try {
        const items = await pending(taskId);
        for (const item of items) {
          show(form.dataset.sending);
          let response;
          try {
            response = await send(item);
          } catch (networkDown) {
            show(form.dataset.waiting);
            return;
          }
          if (response.status >= 500) {
            show(form.dataset.waiting);
            return;
          }
          await forget(item.key);
          if (response.ok) {
            show(form.dataset.sent, 'ok');
            window.location.reload();
            return;
          }
          const problem = await response.json().catch(() => ({}));
          show(form.dataset.failed + ' ' + (problem.detail || response.status), 'bad');
          button.disabled = false;
        }
      } finally {
        sending = false;
      }
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      button.disabled = true;
      const files = Array.from(form.querySelector('input[type=file]').files || []);
      const photos = await Promise.all(files.map((f) => f.arrayBuffer()
        .then((data) => ({ name: f.name, type: f.type, data: data }))));
      await save({
        key: newKey(form.dataset.key),
        task: taskId,
        url: form.action,
        version: form.querySelector('input[name=version]').value,
        result: form.querySelector('textarea[name=result]').value,
        photos: photos,
        createdAt: new Date().toISOString()
      });
      show(navigator.onLine ? form.dataset.sending : form.dataset.waiting);
      flush();
    });

    window.addEventListener('online', flush);
    setInterval(() => { if (navigator.onLine) flush(); }, RETRY_MS);
    pending(taskId).then((items) => {
      if (items.length > 0) {
        button.disabled = true;
        show(form.dataset.waiting);
        flush();
      }
    });
  }

  function setupCheckIn(form) {
    let located = false;
    form.addEventListener('submit', (event) => {
      if (located || !navigator.geolocation) return;
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      button.textContent = form.dataset.locating;
      const go = () => { located = true; form.submit(); };
      navigator.geolocation.getCurrentPosition((position) => {
        form.querySelector('input[name=lon]').value = position.coords.longitude;
        form.querySelector('input[name=lat]').value = position.coords.latitude;
        go();
      }, go, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const submission = document.getElementById('submit-form');
    if (submission && window.indexedDB) setupSubmission(submission);
    const checkIn = document.getElementById('check-in-form');
    if (checkIn) setupCheckIn(checkIn);
  });
})();
