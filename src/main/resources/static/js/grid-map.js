// The grid map: draws the region tree level by level for the current view, labels what fits, and
// answers "whose is this place?" for a tap. Texts and settings come from the page (data-config).
(function () {
  'use strict';

  const el = document.getElementById('grid-map');
  if (!el || !window.L) return;
  const cfg = JSON.parse(el.dataset.config);
  const text = (key, arg) => {
    const t = cfg.text[key] || key;
    return arg === undefined ? t : t.replace('{0}', arg);
  };

  // One entry per level of the tree: when it is fetched, when its labels show, how it looks.
  // minZoom keeps thousands of small polygons off a town-wide view.
  const LEVELS = [
    { level: 'TOWN', key: 'layer.town', minZoom: 0, labels: () => false, pane: 410,
      style: { color: '#263238', weight: 3, fill: false } },
    { level: 'VILLAGE', key: 'layer.village', minZoom: 0, labels: (z) => z <= 13, pane: 420,
      style: { color: '#1565c0', weight: 2, fillColor: '#1565c0', fillOpacity: 0.05 } },
    { level: 'GRID', key: 'layer.grid', minZoom: 12, labels: (z) => z === 14, pane: 430,
      style: { color: '#2e7d32', weight: 1.6, fillColor: '#2e7d32', fillOpacity: 0.03 } },
    { level: 'MICRO_GRID', key: 'layer.microGrid', minZoom: 14, labels: (z) => z >= 15, pane: 440,
      style: { color: '#ef6c00', weight: 1, fillColor: '#ef6c00', fillOpacity: 0.02 } },
    { level: 'DEDICATED_MICRO_GRID', key: 'layer.dedicated', minZoom: 14, labels: (z) => z >= 16, pane: 450,
      style: { weight: 1.5, fillOpacity: 0.35 } }
  ];
  const DEDICATED_COLOURS = {
    ENTERPRISE: '#8e24aa', SCHOOL: '#1e88e5', MARKET: '#f4511e',
    HOSPITAL: '#e53935', CONSTRUCTION_SITE: '#6d4c41', SCENIC_AREA: '#43a047'
  };
  const HIGHLIGHT = { color: '#d50000', weight: 4, fillOpacity: 0.12, fillColor: '#d50000' };
  const MAX_LABELS = 400;
  let legendBody = null;

  // SVG (Leaflet's default renderer), not canvas: each level gets its own pane, and a click on an
  // empty part of an upper pane must still reach the polygon below, which only SVG paths allow
  const map = L.map(el, { zoomControl: false, minZoom: 9, maxZoom: 19, attributionControl: true });
  map.attributionControl.setPrefix(false);
  const counts = {};
  const state = { highlight: null, marker: null, pending: 0, ready: false };
  // for browser tests: the map, features drawn per layer, and requests still in flight
  window.lyzMap = { map: map, counts: counts, get loading() { return state.pending; } };

  // ---- base map: plain background with the offline rivers and roads, or configured tiles ----
  map.createPane('lyz-base').style.zIndex = 300;
  map.createPane('lyz-labels').style.zIndex = 620;
  const offline = L.layerGroup();
  const baseLayers = {};
  baseLayers[text('base.offline')] = offline;
  let tiles = null;
  if (cfg.tileUrl) {
    tiles = L.tileLayer(cfg.tileUrl, {
      subdomains: cfg.tileSubdomains || 'abc', attribution: cfg.tileAttribution || '',
      maxZoom: 19, maxNativeZoom: cfg.tileMaxZoom || 18
    });
    baseLayers[text('base.tiles')] = tiles;
    tiles.addTo(map);
  } else {
    offline.addTo(map);
  }
  // not interactive: a tap on a road means the place, not the road
  const baseVector = L.geoJSON(null, {
    pane: 'lyz-base', interactive: false,
    style: baseStyle
  });
  if (!tiles) baseVector.addTo(map);

  // river width and road class, when the import gave them, set the line weight
  function baseStyle(f) {
    const p = f.properties;
    if (p.kind === 'WATER') return { stroke: false, fillColor: '#a8cfee', fillOpacity: 1 };
    if (p.kind === 'RIVER') {
      return { color: '#6fa8dc', weight: Math.max(2, Math.min(8, (p.width || 10) / 6)), opacity: 0.9, fill: false };
    }
    const w = { MOTORWAY: 5, PRIMARY: 3.5, SECONDARY: 2.5 }[p.roadClass] || 1.5;
    return { color: p.roadClass === 'MOTORWAY' ? '#e08a2c' : '#d9a441', weight: w, opacity: 0.9, fill: false };
  }

  // ---- the tree's levels ----
  const overlays = {};
  overlays[text('layer.base')] = baseVector;
  LEVELS.forEach((lv) => {
    map.createPane('lyz-' + lv.level).style.zIndex = lv.pane;
    lv.geo = L.geoJSON(null, {
      pane: 'lyz-' + lv.level,
      style: (f) => styleFor(lv, f),
      onEachFeature: (f, layer) => {
        layer.on('click', (e) => {
          // the polygon answers the tap; the map's own click handler would only repeat the locate
          L.DomEvent.stop(e);
          pick(e.latlng, f.properties.code);
        });
      }
    });
    lv.labelGroup = L.layerGroup();
    lv.group = L.layerGroup([lv.geo, lv.labelGroup]).addTo(map);
    overlays[text(lv.key)] = lv.group;
    counts[lv.level] = 0;
  });

  function styleFor(lv, f) {
    const base = Object.assign({}, lv.style);
    // among the many micro-grid lines of a close view, the grid's own boundary must still stand out
    if (lv.level === 'GRID' && map.getZoom() >= 15) base.weight = 3;
    if (lv.level === 'DEDICATED_MICRO_GRID') {
      const c = DEDICATED_COLOURS[f.properties.dedicatedType] || '#8e24aa';
      base.color = c;
      base.fillColor = c;
    }
    return f.properties.code === state.highlight ? Object.assign(base, HIGHLIGHT) : base;
  }

  L.control.layers(baseLayers, overlays, { position: 'topright', collapsed: true }).addTo(map);
  L.control.zoom({ position: 'topright' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  legend().addTo(map);

  // ---- fetching: per level, for the view and zoom, stale answers aborted ----
  // an expired session answers with the login page (HTML) or 401: say so instead of failing silently
  function getJson(url, signal) {
    state.pending++;
    return fetch(url, { signal: signal, credentials: 'same-origin', headers: { Accept: 'application/json, application/geo+json' } })
      .then((r) => {
        const type = r.headers.get('Content-Type') || '';
        if (r.status === 401 || (r.ok && type.indexOf('json') < 0)) throw new Error('session');
        if (!r.ok) throw new Error('http ' + r.status);
        return r.json();
      })
      .finally(() => { state.pending--; });
  }

  function failed(e) {
    if (e.name === 'AbortError') return;
    if (window.lyzToast) window.lyzToast(text(e.message === 'session' ? 'sessionExpired' : 'loadError'), 'bad');
  }

  // a margin around the view, so a small pan does not show empty edges while the next answer comes
  function viewBox() {
    const b = map.getBounds().pad(0.25);
    const clamp = (v, m) => Math.max(-m, Math.min(m, v));
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map((v) => v.toFixed(6)).join(',');
  }

  function refresh() {
    if (!state.ready) return;
    const z = map.getZoom();
    const bbox = viewBox();
    LEVELS.forEach((lv) => {
      // an answer for a view the user has already left must not overwrite the newer one
      if (lv.abort) lv.abort.abort();
      lv.abort = null;
      if (!map.hasLayer(lv.group) || z < lv.minZoom) {
        lv.geo.clearLayers();
        lv.labelGroup.clearLayers();
        counts[lv.level] = 0;
        return;
      }
      const ctrl = new AbortController();
      lv.abort = ctrl;
      getJson('/api/grid/map/features?level=' + lv.level + '&zoom=' + z + '&bbox=' + bbox, ctrl.signal)
        .then((fc) => {
          if (lv.abort !== ctrl) return; // superseded while the body was read
          lv.geo.clearLayers();
          lv.geo.addData(fc);
          counts[lv.level] = fc.features.length;
          labels(lv);
        })
        .catch(failed);
    });
    updateLegend();
  }

  // one request per level after the user stops moving, not one per animation frame
  let timer = null;
  function refreshSoon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }
  map.on('load', () => { state.ready = true; });
  map.on('moveend', refreshSoon);
  map.on('overlayadd overlayremove', refreshSoon);

  // ---- labels: only for features whose label point is in view, at the zooms their level wants ----
  function labels(lv) {
    lv.labelGroup.clearLayers();
    const z = map.getZoom();
    if (!lv.labels(z)) return;
    const view = map.getBounds();
    let n = 0;
    lv.geo.eachLayer((layer) => {
      const p = layer.feature.properties;
      // the server's label point lies inside the polygon, unlike a centroid of a crescent-shaped area
      const at = L.latLng(p.labelLat, p.labelLon);
      if (n >= MAX_LABELS || !view.contains(at)) return;
      n++;
      L.marker(at, {
        pane: 'lyz-labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'gridmap-label gridmap-label-' + lv.level, html: escapeHtml(labelText(p)), iconSize: null })
      }).addTo(lv.labelGroup);
    });
  }

  // micro-grid names repeat their village's; on the map "3-07" (grid 3, micro-grid 7) says enough
  function labelText(p) {
    if (p.level === 'MICRO_GRID' && p.code.length === 19) {
      return parseInt(p.code.substring(12, 15), 10) + '-' + p.code.substring(17, 19);
    }
    return p.name;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // ---- legend ----
  function legend() {
    const ctrl = L.control({ position: 'bottomright' });
    ctrl.onAdd = () => {
      const box = L.DomUtil.create('details', 'gridmap-legend leaflet-bar');
      box.setAttribute('data-testid', 'grid-map-legend');
      // open on a desktop, folded on a phone where it would cover a third of the map
      if (!window.matchMedia('(max-width: 760px)').matches) box.open = true;
      const summary = L.DomUtil.create('summary', '', box);
      summary.textContent = text('legend.title');
      legendBody = L.DomUtil.create('ul', '', box);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      updateLegend();
      return box;
    };
    return ctrl;
  }

  function updateLegend() {
    if (!legendBody) return;
    legendBody.textContent = '';
    const z = map.getZoom();
    LEVELS.forEach((lv) => {
      if (lv.level === 'DEDICATED_MICRO_GRID') return;
      legendItem(lv.style.color, text(lv.key), z < lv.minZoom);
    });
    const dedicated = LEVELS[4];
    Object.keys(DEDICATED_COLOURS).forEach((type) => {
      legendItem(DEDICATED_COLOURS[type], text('layer.dedicated') + ' · ' + text('type.' + type), z < dedicated.minZoom, true);
    });
  }

  function legendItem(colour, label, hidden, filled) {
    const li = L.DomUtil.create('li', hidden ? 'gridmap-legend-off' : '', legendBody);
    const swatch = L.DomUtil.create('span', 'gridmap-swatch', li);
    swatch.style.borderColor = colour;
    if (filled) swatch.style.background = colour;
    const name = L.DomUtil.create('span', '', li);
    name.textContent = label + (hidden ? ' (' + text('legend.zoomIn') + ')' : '');
  }

  // ---- highlight ----
  // the code is remembered: features fetched later (after flying there) are styled by styleFor
  function highlight(code) {
    state.highlight = code;
    LEVELS.forEach((lv) => {
      lv.geo.eachLayer((layer) => {
        lv.geo.resetStyle(layer);
        if (layer.feature.properties.code === code) layer.bringToFront();
      });
    });
  }

  // ---- the panel: where the user tapped and the node they picked ----
  const panel = document.getElementById('grid-map-panel');
  const panelBody = panel.querySelector('.gridmap-panel-body');
  panel.querySelector('.gridmap-panel-close').addEventListener('click', closePanel);

  function closePanel() {
    panel.hidden = true;
    if (state.marker) { map.removeLayer(state.marker); state.marker = null; }
    highlight(null);
  }

  function openPanel() {
    panel.hidden = false;
    panelBody.textContent = '';
    return panelBody;
  }

  // textContent only: names and phones come from imports and must never be parsed as HTML
  function h(tag, cls, content, parent) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined && content !== null) e.textContent = content;
    if (parent) parent.appendChild(e);
    return e;
  }

  map.on('click', (e) => pick(e.latlng, null));

  /** A tap: who is responsible at this point, and the details of the polygon tapped, if any. */
  function pick(latlng, code) {
    if (state.marker) map.removeLayer(state.marker);
    state.marker = L.circleMarker(latlng, { radius: 7, color: '#d50000', weight: 3, fillColor: '#fff', fillOpacity: 1, pane: 'lyz-labels' }).addTo(map);
    const body = openPanel();
    const here = h('section', 'gridmap-here', null, body);
    h('h2', null, text('panel.here'), here);
    const details = h('section', 'gridmap-details', null, body);
    if (cfg.canLocate) {
      h('p', 'muted', text('panel.loading'), here);
      getJson('/api/grid/locate?lon=' + latlng.lng.toFixed(7) + '&lat=' + latlng.lat.toFixed(7))
        .then((loc) => showLocation(here, loc))
        .catch((e) => { here.lastChild.textContent = text('panel.error'); failed(e); });
    } else {
      h('p', 'muted', text('panel.noLocate'), here);
    }
    if (code) showNode(details, code);
    keepVisible(latlng);
  }

  function showLocation(section, loc) {
    section.textContent = '';
    h('h2', null, text('panel.here'), section);
    if (!loc.found) {
      h('p', 'muted', text('panel.outside'), section);
      return;
    }
    const chain = h('ol', 'gridmap-chain', null, section);
    [loc.microGrid, loc.grid, loc.village, loc.town].forEach((n) => {
      if (!n) return;
      const li = h('li', null, null, chain);
      h('span', 'tag', text('level.' + n.level), li);
      li.appendChild(document.createTextNode(' '));
      const a = h('a', 'gridmap-node-link', n.name, li);
      a.href = '#';
      a.dataset.code = n.code;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        const details = panelBody.querySelector('.gridmap-details');
        showNode(details, n.code);
      });
    });
    h('h3', null, text('panel.responsible'), section);
    people(section, loc.responsible);
  }

  function people(parent, list) {
    if (!list || list.length === 0) {
      h('p', 'muted', text('panel.noRoster'), parent);
      return;
    }
    const ul = h('ul', 'gridmap-people', null, parent);
    let hidden = false;
    list.forEach((p) => {
      const li = h('li', null, null, ul);
      h('span', 'gridmap-role', text('role.' + p.role), li);
      h('span', 'gridmap-person', p.name, li);
      if (p.phone) {
        const a = h('a', 'gridmap-phone', p.phone, li);
        a.href = 'tel:' + p.phone.replace(/[^0-9+]/g, '');
        a.title = text('call', p.phone);
      } else {
        hidden = true;
      }
    });
    // the server leaves phones out for users without grid:staff:view; tell them why the numbers are missing
    if (hidden && !cfg.canSeeStaff) h('p', 'muted small', text('panel.phoneHidden'), parent);
  }

  function showNode(section, code) {
    section.textContent = '';
    h('p', 'muted', text('panel.loading'), section);
    highlight(code);
    getJson('/api/grid/nodes/' + encodeURIComponent(code))
      .then((n) => {
        section.textContent = '';
        const title = h('h2', null, n.name, section);
        title.dataset.code = n.code;
        const meta = h('dl', 'gridmap-meta', null, section);
        const row = (k, v) => { h('dt', null, k, meta); h('dd', null, v, meta); };
        let kind = text('level.' + n.level);
        if (n.villageKind) kind += ' · ' + text('kind.' + n.villageKind);
        if (n.dedicatedType) kind += ' · ' + text('type.' + n.dedicatedType);
        row(text('panel.code'), n.code + '  ' + kind);
        if (n.path && n.path.length > 1) {
          row(text('panel.within'), n.path.slice(0, -1).map((p) => p.name).join(' / '));
        }
        row(text('panel.area'), area(n.areaM2));
        if (n.childCount) row(text('panel.children'), String(n.childCount));
        h('h3', null, text('panel.roster'), section);
        people(section, n.roster);
      })
      .catch((e) => { section.textContent = text('panel.error'); failed(e); });
  }

  // villages are read in square kilometres, micro-grids and compounds in square metres
  function area(m2) {
    return m2 >= 100000 ? (m2 / 1e6).toFixed(2) + ' ' + text('unit.km2') : Math.round(m2) + ' ' + text('unit.m2');
  }

  // on a phone the panel is a bottom sheet: pan the tapped point into the part of the map still visible
  function keepVisible(latlng) {
    if (!window.matchMedia('(max-width: 760px)').matches) return;
    requestAnimationFrame(() => {
      const free = el.clientHeight - panel.offsetHeight;
      const y = map.latLngToContainerPoint(latlng).y;
      if (y > free - 30) map.panBy([0, y - free / 2], { animate: true });
    });
  }

  // ---- search by name or code ----
  const input = document.getElementById('grid-map-search');
  const results = document.getElementById('grid-map-search-results');
  let searchAbort = null;
  let searchTimer = null;
  let hits = [];
  let active = -1;

  input.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      markActive();
    } else if (e.key === 'Escape') {
      hideResults();
    }
  });
  document.getElementById('grid-map-search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (hits.length > 0) choose(hits[Math.max(0, active)]);
    else search();
  });
  document.addEventListener('click', (e) => {
    if (!e.target.closest('.gridmap-search')) hideResults();
  });

  // typing fast sends one request; a newer query aborts the older one
  function search() {
    const q = input.value.trim();
    if (searchAbort) searchAbort.abort();
    if (!q) { hideResults(); return; }
    searchAbort = new AbortController();
    getJson('/api/grid/search?q=' + encodeURIComponent(q), searchAbort.signal)
      .then((list) => showResults(list))
      .catch((e) => {
        if (e.name === 'AbortError') return;
        showResults(null);
        failed(e);
      });
  }

  function showResults(list) {
    hits = list || [];
    active = -1;
    results.textContent = '';
    if (!list || list.length === 0) {
      h('li', 'gridmap-results-none', text(list ? 'search.none' : 'search.error'), results);
    }
    hits.forEach((hit, i) => {
      const li = h('li', null, null, results);
      li.setAttribute('role', 'option');
      li.id = 'grid-map-hit-' + i;
      li.dataset.code = hit.code;
      h('span', 'gridmap-hit-name', hit.name, li);
      h('span', 'gridmap-hit-meta', text('level.' + hit.level) + ' · ' + hit.code, li);
      li.addEventListener('click', () => choose(hit));
    });
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function markActive() {
    Array.from(results.children).forEach((li, i) => li.classList.toggle('active', i === active));
    input.setAttribute('aria-activedescendant', active >= 0 ? 'grid-map-hit-' + active : '');
  }

  function hideResults() {
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  /** Fly to a node found by search, outline it and show its details. */
  function choose(hit) {
    hideResults();
    input.value = hit.name;
    const b = hit.bbox;
    map.flyToBounds([[b[1], b[0]], [b[3], b[2]]], { maxZoom: 17, padding: [40, 40], duration: 0.8 });
    if (state.marker) { map.removeLayer(state.marker); state.marker = null; }
    const body = openPanel();
    showNode(h('section', 'gridmap-details', null, body), hit.code);
  }

  // ---- start: the town's outline decides the first view, the base map loads once ----
  getJson('/api/grid/map/features?level=TOWN&zoom=12')
    .then((fc) => {
      const bounds = L.geoJSON(fc).getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
      else map.setView(cfg.center, 13);
    })
    .catch((e) => { map.setView(cfg.center, 13); failed(e); });
  getJson('/api/grid/map/base-layers')
    .then((fc) => { baseVector.addData(fc); counts.BASE = fc.features.length; })
    .catch(failed);
  if (!cfg.tileUrl) {
    // the attribution corner says where the background comes from
    map.attributionControl.addAttribution(text('base.offline'));
  }
})();
