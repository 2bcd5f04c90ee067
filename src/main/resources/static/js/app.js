// Page-wide behaviour: the phone menu, CSRF on htmx requests, and toasts from HX-Trigger events.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.nav-toggle');
  const nav = document.getElementById('sidenav');
  if (toggle && nav) {
    toggle.addEventListener('click', () => {
      const open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
});

document.addEventListener('htmx:configRequest', (e) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    e.detail.headers[header.content] = token.content;
  }
});

/** Shows a short message at the bottom of the screen; modules call it and htmx triggers it. */
window.lyzToast = function (message, kind) {
  const el = document.getElementById('toast');
  if (!el) return;
  el.textContent = message;
  el.className = 'toast show ' + (kind || '');
  clearTimeout(window.lyzToast.timer);
  window.lyzToast.timer = setTimeout(() => { el.className = 'toast'; }, 4000);
};
document.body && document.body.addEventListener('toast', (e) => window.lyzToast(e.detail.value || e.detail.message, e.detail.kind));
document.addEventListener('toast', (e) => window.lyzToast(e.detail.value || e.detail.message, e.detail.kind));

/** The CSRF header for fetch() calls made by page scripts. */
window.lyzCsrfHeaders = function () {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
};
