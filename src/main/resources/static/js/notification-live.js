// Live inbox: one server-sent-event stream per page keeps every unread badge current, shows a toast for
// each new notification and tells the page (event "lyz-notification") so lists can refresh themselves.
(() => {
  if (window.lyzInboxLive || !window.EventSource) return; // the badge and a page may both include this script
  window.lyzInboxLive = true;

  // a list swapped in by htmx (after "mark read") carries the unread count it was rendered with
  document.addEventListener('htmx:afterSettle', () => {
    const list = document.getElementById('inbox-list');
    if (list && list.dataset.unread !== undefined) showCount(Number(list.dataset.unread));
  });

  let source = null;
  let connectedAt = 0;
  let lastActivity = Date.now();

  function streamUrl() {
    const el = document.querySelector('[data-stream]');
    return el ? el.dataset.stream : null;
  }

  function showCount(n) {
    document.querySelectorAll('[data-inbox-count]').forEach((el) => {
      el.textContent = n > 99 ? '99+' : String(n);
      el.hidden = n === 0;
    });
  }

  function connect() {
    const url = streamUrl();
    if (!url || source) return;
    connectedAt = Date.now();
    source = new EventSource(url);
    source.addEventListener('hello', (e) => showCount(JSON.parse(e.data).unread));
    source.addEventListener('notification', (e) => {
      const n = JSON.parse(e.data);
      showCount(n.unread);
      if (window.lyzToast) window.lyzToast(n.title, n.urgent ? 'bad' : '');
      document.dispatchEvent(new CustomEvent('lyz-notification', { detail: n }));
    });
    // The server ends each stream after a few minutes. Reconnect only for someone who used the page
    // since, so that a forgotten tab does not keep an idle session alive; their next touch reconnects.
    source.onerror = () => {
      source.close();
      source = null;
      if (lastActivity > connectedAt) setTimeout(connect, 2000);
    };
  }

  const active = () => {
    lastActivity = Date.now();
    if (!source) connect();
  };
  ['click', 'keydown', 'touchstart', 'scroll'].forEach((type) => window.addEventListener(type, active, { passive: true }));
  document.addEventListener('visibilitychange', () => { if (!document.hidden) active(); });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', connect);
  } else {
    connect();
  }
})();
