// The region tree page: a branch loads once through htmx ("click once"); later clicks on its
// toggle only fold and unfold it. A file, not an inline script: the CSP allows scripts from 'self' only.
document.addEventListener('click', (e) => {
  const toggle = e.target.closest('.tree .toggle');
  if (!toggle) return;
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  toggle.textContent = open ? '\u25BE' : '\u25B8';
  const branch = toggle.parentNode.querySelector(':scope > ul');
  if (branch) branch.hidden = !open;
});
