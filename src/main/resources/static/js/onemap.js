// The risk-hazard one map: hazards by level (or the server's clusters when a view holds too many),
// a heat layer, inspection points, rescue teams, shelters, warehouses and the grid polygons; the
// filters send the same query to every hazard request; a click shows the hazard (or the place) and
// the nearest resources of each kind. Settings and texts come from the page (data-config).
(function () {
  'use strict';

  const el = document.getElementById('onemap');
  if (!el || !window.L) return;
  const cfg = JSON.parse(el.dataset.config);
  const text = (key, arg) => {
    const t = cfg.text[key] || key;
    return arg === undefined ? t : t.replace('{0}', arg);
  };
  const colour = (level) => cfg.levelColours[level] || '#546e7a';
  const RESOURCE_STYLE = {
    RESCUE_TEAM: { letter: 'T', colour: '#d84315' },
    SHELTER: { letter: 'S', colour: '#00897b' },
    WAREHOUSE: { letter: 'W', colour: '#5d4037' }
  };
  const phone = window.matchMedia('(max-width: 760px)');

  const map = L.map(el, { zoomControl: false, minZoom: 9, maxZoom: 19 });
  map.attributionControl.setPrefix(false);
  const state = { pending: 0, ready: false, marker: null, filter: '' };
  // for browser tests: the map, what each layer holds, the hazards drawn, requests in flight
  const counts = {};
  const drawn = [];
  window.lyzOneMap = { map: map, counts: counts, drawn: drawn, hazardLoads: 0, get loading() { return state.pending; } };

  // ---- background: the grid map's offline rivers and roads, or the configured tiles ----
  map.createPane('onemap-base').style.zIndex = 300;
  map.createPane('onemap-grid').style.zIndex = 350;
  const baseVector = L.geoJSON(null, { pane: 'onemap-base', interactive: false, style: baseStyle });
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, {
      subdomains: cfg.tileSubdomains || 'abc', attribution: cfg.tileAttribution || '',
      maxZoom: 19, maxNativeZoom: cfg.tileMaxZoom || 18
    }).addTo(map);
  } else {
    baseVector.addTo(map);
    map.attributionControl.addAttribution(text('base.offline'));
  }

  function baseStyle(f) {
    const p = f.properties;
    if (p.kind === 'WATER') return { stroke: false, fillColor: '#a8cfee', fillOpacity: 1 };
    if (p.kind === 'RIVER') return { color: '#6fa8dc', weight: 3, opacity: 0.9, fill: false };
    return { color: '#d9a441', weight: p.roadClass === 'MOTORWAY' ? 4 : 2, opacity: 0.8, fill: false };
  }

  // ---- layers ----
  // the grid polygons, from the grid map's own endpoint: villages always, grids from zoom 13
  const gridLevels = [
    { level: 'VILLAGE', minZoom: 0, style: { color: '#1565c0', weight: 2, fill: false } },
    { level: 'GRID', minZoom: 13, style: { color: '#2e7d32', weight: 1, dashArray: '4 3', fill: false } }
  ];
  const gridLayer = L.layerGroup();
  gridLevels.forEach((g) => {
    g.geo = L.geoJSON(null, { pane: 'onemap-grid', interactive: false, style: g.style }).addTo(gridLayer);
  });
  const hazardLayer = L.layerGroup().addTo(map);
  const heatLayer = L.HeatCells ? new L.HeatCells() : L.layerGroup();
  const pointLayer = L.layerGroup();
  const resourceLayers = {};
  Object.keys(RESOURCE_STYLE).forEach((k) => { resourceLayers[k] = L.layerGroup().addTo(map); });
  if (cfg.canSeeGrid) gridLayer.addTo(map);
  // for browser tests: the layers a user may switch on
  window.lyzOneMap.layers = { heat: heatLayer, points: pointLayer, grid: gridLayer, hazards: hazardLayer };

  const overlays = {};
  overlays[text('layer.hazards')] = hazardLayer;
  overlays[text('layer.heat')] = heatLayer;
  overlays[text('layer.points')] = pointLayer;
  Object.keys(RESOURCE_STYLE).forEach((k) => { overlays[text('layer.' + k)] = resourceLayers[k]; });
  if (cfg.canSeeGrid) overlays[text('layer.grid')] = gridLayer;
  L.control.layers(null, overlays, { position: 'topright', collapsed: true }).addTo(map);
  L.control.zoom({ position: 'topright' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  legend().addTo(map);

  // ---- fetching: one request per layer for the view, older answers aborted ----
  // an expired session answers with the login page or 401: say so instead of failing silently
  function getJson(url, signal) {
    state.pending++;
    return fetch(url, { signal: signal, credentials: 'same-origin', headers: { Accept: 'application/json, application/geo+json' } })
      .then((r) => {
        const type = r.headers.get('Content-Type') || '';
        if (r.status === 401 || (r.ok && type.indexOf('json') < 0)) throw new Error('session');
        if (r.status === 400 && type.indexOf('json') >= 0) {
          return r.json().then((p) => { const e = new Error('bad'); e.problem = p; throw e; });
        }
        if (!r.ok) throw new Error('http ' + r.status);
        return r.json();
      })
      .finally(() => { state.pending--; });
  }

  function failed(e) {
    if (e.name === 'AbortError') return;
    if (e.problem) {
      showFilterError(e.problem.detail);
      return;
    }
    if (window.lyzToast) window.lyzToast(text(e.message === 'session' ? 'sessionExpired' : 'loadError'), 'bad');
  }

  // a margin around the view so a small pan does not show empty edges while the next answer comes
  function viewBox() {
    const b = map.getBounds().pad(0.2);
    const clamp = (v, m) => Math.max(-m, Math.min(m, v));
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map((v) => v.toFixed(6)).join(',');
  }

  const aborts = {};
  function load(name, url, onAnswer) {
    if (aborts[name]) aborts[name].abort();
    const ctrl = new AbortController();
    aborts[name] = ctrl;
    getJson(url, ctrl.signal)
      .then((answer) => { if (aborts[name] === ctrl) onAnswer(answer); })
      .catch(failed);
  }

  function refresh() {
    if (!state.ready) return;
    const z = map.getZoom();
    const view = 'bbox=' + viewBox() + '&zoom=' + z;
    const q = view + state.filter;
    if (map.hasLayer(hazardLayer)) load('hazards', '/api/hazard/map/hazards?' + q, drawHazards);
    else { hazardLayer.clearLayers(); drawn.length = 0; }
    if (map.hasLayer(heatLayer)) load('heat', '/api/hazard/map/density?' + q, drawHeat);
    if (map.hasLayer(pointLayer)) {
      const campaign = document.getElementById('onemap-campaign').value;
      load('points', '/api/hazard/map/points?' + view + (campaign ? '&campaign=' + encodeURIComponent(campaign) : ''), drawPoints);
    } else {
      pointLayer.clearLayers();
    }
    const kinds = Object.keys(RESOURCE_STYLE).filter((k) => map.hasLayer(resourceLayers[k]));
    if (kinds.length) load('resources', '/api/hazard/map/resources?' + view + '&kind=' + kinds.join(','), drawResources);
    gridLevels.forEach((g) => {
      if (!map.hasLayer(gridLayer) || z < g.minZoom) { g.geo.clearLayers(); return; }
      load('grid-' + g.level, '/api/grid/map/features?level=' + g.level + '&' + view, (fc) => {
        g.geo.clearLayers();
        g.geo.addData(fc);
      });
    });
  }

  let timer = null;
  function refreshSoon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }
  map.on('moveend', refreshSoon);
  map.on('overlayadd overlayremove', refreshSoon);

  // ---- drawing ----
  function drawHazards(answer) {
    hazardLayer.clearLayers();
    drawn.length = 0;
    counts.hazards = answer.hazards.length;
    counts.clusters = answer.clusters.length;
    counts.total = answer.total;
    answer.hazards.forEach((h) => {
      const m = L.circleMarker([h.lat, h.lon], {
        radius: 7, weight: h.overdue ? 3 : 1.5, color: h.overdue ? '#000' : '#fff',
        fillColor: colour(h.level), fillOpacity: 0.95,
        className: 'onemap-hazard onemap-level-' + h.level
      }).addTo(hazardLayer);
      m.bindTooltip(h.number + ' ' + h.title);
      m.on('click', (e) => { L.DomEvent.stop(e); showHazard(h, e.latlng); });
      const path = m.getElement();
      if (path) { path.dataset.number = h.number; path.dataset.level = h.level; }
      drawn.push({ number: h.number, level: h.level, colour: colour(h.level) });
    });
    // a cluster: its count on a disc in its worst level's colour; a click zooms into it
    answer.clusters.forEach((c) => {
      const size = c.count >= 1000 ? 46 : c.count >= 100 ? 38 : 30;
      const icon = L.divIcon({
        className: 'onemap-cluster', iconSize: [size, size],
        html: '<span style="background:' + colour(c.worstLevel) + '">' + shortCount(c.count) + '</span>'
      });
      L.marker([c.lat, c.lon], { icon: icon, title: text('cluster.title', c.count) })
        .on('click', (e) => {
          L.DomEvent.stop(e);
          map.setView(e.latlng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
        })
        .addTo(hazardLayer);
    });
    statusLine(answer);
    window.lyzOneMap.hazardLoads++;
  }

  function shortCount(n) {
    return n >= 10000 ? Math.round(n / 1000) + 'k' : String(n);
  }

  function statusLine(answer) {
    const line = document.querySelector('[data-testid=onemap-status-line]');
    if (!line) return;
    line.textContent = answer.mode === 'CLUSTERS'
      ? text('status.clusters', answer.total.toLocaleString()) : text('status.hazards', answer.hazards.length);
  }

  function drawHeat(answer) {
    if (!heatLayer.setCells) return;
    heatLayer.setCells(answer.clusters.map((c) => ({ lon: c.lon, lat: c.lat, count: c.count })), answer.cell);
    counts.heatCells = answer.clusters.length;
  }

  function drawPoints(answer) {
    pointLayer.clearLayers();
    counts.points = answer.points.length;
    answer.points.forEach((p) => {
      L.circleMarker([p.lat, p.lon], {
        radius: 4, weight: 2, color: p.inspected ? (p.result === 'FAIL' ? '#c62828' : '#2e7d32') : '#546e7a',
        fillColor: '#fff', fillOpacity: p.inspected ? 0.2 : 1, className: 'onemap-point'
      }).bindTooltip(p.name + ' · ' + text(p.inspected ? (p.result === 'FAIL' ? 'point.failed' : 'point.passed') : 'point.open'))
        .addTo(pointLayer);
    });
    if (answer.truncated && window.lyzToast) window.lyzToast(text('point.truncated'), 'warn');
  }

  function drawResources(list) {
    Object.keys(resourceLayers).forEach((k) => { resourceLayers[k].clearLayers(); counts[k] = 0; });
    list.forEach((r) => {
      const s = RESOURCE_STYLE[r.kind];
      if (!s || !map.hasLayer(resourceLayers[r.kind])) return;
      counts[r.kind]++;
      L.marker([r.lat, r.lon], {
        icon: L.divIcon({ className: 'onemap-resource', iconSize: [22, 22],
          html: '<span style="background:' + s.colour + '">' + s.letter + '</span>' }),
        title: text('kind.' + r.kind) + ' · ' + r.name
      }).bindTooltip(r.name + (r.summary ? ' · ' + r.summary : '')).addTo(resourceLayers[r.kind]);
    });
  }

  // ---- legend ----
  function legend() {
    const ctrl = L.control({ position: 'bottomright' });
    ctrl.onAdd = () => {
      const box = L.DomUtil.create('details', 'onemap-legend leaflet-bar');
      box.setAttribute('data-testid', 'onemap-legend');
      if (!phone.matches) box.open = true;
      h('summary', null, text('legend.title'), box);
      const ul = h('ul', null, null, box);
      [1, 2, 3, 4, 5].forEach((lv) => {
        const li = h('li', null, null, ul);
        h('span', 'onemap-dot', null, li).style.background = colour(lv);
        h('span', null, text('level.' + lv), li);
      });
      Object.keys(RESOURCE_STYLE).forEach((k) => {
        const li = h('li', null, null, ul);
        const badge = h('span', 'onemap-badge', RESOURCE_STYLE[k].letter, li);
        badge.style.background = RESOURCE_STYLE[k].colour;
        h('span', null, text('kind.' + k), li);
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return ctrl;
  }

  // textContent only: titles and names come from people and imports and are never parsed as HTML
  function h(tag, cls, content, parent) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined && content !== null) e.textContent = content;
    if (parent) parent.appendChild(e);
    return e;
  }

  // ---- the information panel: a hazard's card, or a place, and the nearest resources ----
  const info = document.getElementById('onemap-info');
  const infoBody = info.querySelector('.onemap-info-body');
  info.querySelector('.onemap-info-close').addEventListener('click', () => {
    info.hidden = true;
    if (state.marker) { map.removeLayer(state.marker); state.marker = null; }
  });

  function openInfo(latlng) {
    if (state.marker) map.removeLayer(state.marker);
    state.marker = L.circleMarker(latlng, { radius: 9, color: '#d50000', weight: 3, fill: false, interactive: false }).addTo(map);
    info.hidden = false;
    infoBody.textContent = '';
    closeDrawerOnPhone();
    keepVisible(latlng);
    return infoBody;
  }

  // the panel covers part of the map (a bottom sheet on a phone, the right side on a desktop):
  // pan the clicked point into the part still visible
  function keepVisible(latlng) {
    requestAnimationFrame(() => {
      const p = map.latLngToContainerPoint(latlng);
      if (phone.matches) {
        // the sheet grows to 55 % of the height once the details arrive: leave room for that at once
        const free = el.clientHeight - Math.max(info.offsetHeight, el.clientHeight * 0.55);
        if (p.y > free - 30) map.panBy([0, p.y - free / 2], { animate: false });
      } else {
        const free = el.clientWidth - info.offsetWidth - 70;
        if (p.x > free) map.panBy([p.x - free / 2, 0], { animate: false });
      }
    });
  }

  function showHazard(hz, latlng) {
    const body = openInfo(latlng);
    const card = h('section', 'onemap-hazard-card', null, body);
    card.dataset.testid = 'onemap-hazard-card';
    h('h2', null, hz.title, card);
    h('p', 'muted', text('panel.loading'), card);
    const near = h('section', 'onemap-nearest', null, body);
    getJson('/api/hazard/map/hazards/' + encodeURIComponent(hz.id))
      .then((d) => {
        hazardCard(card, d.hazard);
        nearest(near, d.nearest);
      })
      .catch((e) => { card.lastChild.textContent = text('panel.error'); failed(e); });
  }

  function hazardCard(card, hz) {
    card.textContent = '';
    const title = h('h2', null, hz.title, card);
    title.dataset.number = hz.number;
    const tag = h('span', 'onemap-level-tag', text('level.' + hz.level), card);
    tag.style.background = colour(hz.level);
    tag.dataset.level = hz.level;
    if (hz.overdue) h('span', 'tag bad', text('status.OVERDUE'), card);
    const dl = h('dl', 'onemap-meta', null, card);
    const row = (k, v) => { if (v) { h('dt', null, k, dl); h('dd', null, v, dl); } };
    row(text('field.number'), hz.number);
    row(text('field.class'), hz.className);
    row(text('field.category'), hz.categoryCode + (hz.categoryName ? ' ' + hz.categoryName : ''));
    row(text('field.status'), text('status.' + hz.status));
    row(text('field.foundAt'), day(hz.foundAt));
    row(text('field.deadline'), day(hz.deadline));
    const a = h('a', 'onemap-open', text('panel.open'), card);
    a.href = '/hazard/hazards/' + encodeURIComponent(hz.id);
  }

  // the town's calendar day, whatever the browser's zone
  function day(iso) {
    if (!iso) return null;
    return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  }

  function nearest(section, byKind) {
    section.textContent = '';
    h('h3', null, text('panel.nearest'), section);
    Object.keys(byKind).forEach((kind) => {
      const group = h('div', 'onemap-near-kind', null, section);
      group.dataset.kind = kind;
      h('h4', null, text('kind.' + kind), group);
      const list = byKind[kind];
      if (!list.length) { h('p', 'muted small', text('panel.noResource'), group); return; }
      const ol = h('ol', null, null, group);
      list.forEach((r) => {
        const li = h('li', null, null, ol);
        li.dataset.id = r.id;
        h('span', 'onemap-near-name', r.name, li);
        h('span', 'onemap-near-distance', distance(r.metres), li);
        if (r.summary) h('span', 'onemap-near-summary muted small', r.summary, li);
        li.addEventListener('click', () => map.panTo([r.lat, r.lon]));
      });
    });
  }

  function distance(m) {
    return m >= 1000 ? text('unit.km', (m / 1000).toFixed(1)) : text('unit.m', m);
  }

  // a click anywhere else: the nearest resources to that place
  map.on('click', (e) => {
    const body = openInfo(e.latlng);
    const here = h('section', null, null, body);
    h('h2', null, text('panel.here'), here);
    h('p', 'muted small', e.latlng.lng.toFixed(5) + ', ' + e.latlng.lat.toFixed(5), here);
    const near = h('section', 'onemap-nearest', null, body);
    h('p', 'muted', text('panel.loading'), near);
    getJson('/api/hazard/map/nearest?lon=' + e.latlng.lng.toFixed(7) + '&lat=' + e.latlng.lat.toFixed(7))
      .then((d) => nearest(near, d.nearest))
      .catch((err) => { near.textContent = text('panel.error'); failed(err); });
  });

  // ---- filters: the form's values as the query of every hazard request ----
  const form = document.getElementById('onemap-filters');
  const filterError = form.querySelector('[data-testid=onemap-filter-error]');
  function showFilterError(message) {
    filterError.textContent = message;
    filterError.hidden = !message;
  }
  function readFilters() {
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (v) params.append(k, v); });
    showFilterError('');
    state.filter = params.toString() ? '&' + params.toString() : '';
    refresh();
  }
  form.addEventListener('change', readFilters);
  form.addEventListener('submit', (e) => { e.preventDefault(); readFilters(); });
  form.addEventListener('reset', () => setTimeout(readFilters, 0));
  // the class narrows the category list to its own categories
  const category = document.getElementById('onemap-category');
  form.querySelectorAll('input[name=class]').forEach((box) => box.addEventListener('change', () => {
    const picked = Array.from(form.querySelectorAll('input[name=class]:checked')).map((b) => b.value);
    Array.from(category.options).forEach((o) => {
      o.hidden = !!o.value && picked.length > 0 && picked.indexOf(o.dataset.class) < 0;
    });
    if (category.selectedOptions[0] && category.selectedOptions[0].hidden) category.value = '';
  }));

  // ---- the drawer: beside the map on a desktop, folded behind a button on a phone ----
  const drawer = document.getElementById('onemap-drawer');
  const toggle = document.querySelector('.onemap-drawer-toggle');
  function setDrawer(open) {
    drawer.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  }
  function closeDrawerOnPhone() { if (phone.matches) setDrawer(false); }
  toggle.addEventListener('click', () => setDrawer(!drawer.classList.contains('open')));
  drawer.querySelector('.onemap-drawer-close').addEventListener('click', () => setDrawer(false));
  L.DomEvent.disableClickPropagation(drawer);
  L.DomEvent.disableScrollPropagation(drawer);
  L.DomEvent.disableClickPropagation(info);
  L.DomEvent.disableScrollPropagation(info);

  // ---- start: fit the town, load the background once, then the layers for the view ----
  map.on('load', () => {
    state.ready = true;
    readFilters();
  });
  const start = cfg.canSeeGrid ? getJson('/api/grid/map/features?level=TOWN&zoom=12') : Promise.resolve(null);
  start.then((fc) => {
    const bounds = fc ? L.geoJSON(fc).getBounds() : null;
    if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
    else map.setView(cfg.center, 13);
  }).catch((e) => { map.setView(cfg.center, 13); failed(e); });
  if (cfg.canSeeGrid && !cfg.tileUrl) {
    getJson('/api/grid/map/base-layers').then((fc) => baseVector.addData(fc)).catch(failed);
  }
})();
