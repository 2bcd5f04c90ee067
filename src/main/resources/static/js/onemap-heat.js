// A small heat layer for Leaflet, drawn on one canvas from density cells the server counts
// (no leaflet.heat webjar is served here, and a million points must never reach the browser).
// Each cell is a soft blob whose strength grows with the log of its count; the blobs are summed
// in the canvas's alpha channel and then coloured through a blue → green → yellow → red ramp.
(function () {
  'use strict';
  if (!window.L) return;

  // 256 colours for alpha 0..255, computed once from a CSS gradient
  const RAMP = (function () {
    const c = document.createElement('canvas');
    c.width = 256; c.height = 1;
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, 256, 0);
    grad.addColorStop(0.2, '#1e88e5');
    grad.addColorStop(0.45, '#43a047');
    grad.addColorStop(0.7, '#fdd835');
    grad.addColorStop(1, '#d32f2f');
    g.fillStyle = grad;
    g.fillRect(0, 0, 256, 1);
    return g.getImageData(0, 0, 256, 1).data;
  })();

  L.HeatCells = L.Layer.extend({
    initialize: function (options) {
      L.setOptions(this, options);
      this._cells = [];
      this._cellDegrees = 0;
    },

    /** cells: [{lon, lat, count}], cellDegrees: the cells' size, which sets the blobs' radius. */
    setCells: function (cells, cellDegrees) {
      this._cells = cells || [];
      this._cellDegrees = cellDegrees || 0;
      if (this._map) this._draw();
      return this;
    },

    onAdd: function (map) {
      // leaflet-zoom-hide: the blobs vanish during the zoom animation and come back drawn anew
      this._canvas = L.DomUtil.create('canvas', 'onemap-heat leaflet-zoom-hide');
      this._canvas.style.pointerEvents = 'none';
      map.getPanes().overlayPane.appendChild(this._canvas);
      map.on('moveend zoomend resize', this._draw, this);
      this._draw();
    },

    onRemove: function (map) {
      map.off('moveend zoomend resize', this._draw, this);
      L.DomUtil.remove(this._canvas);
    },

    _draw: function () {
      const map = this._map;
      const size = map.getSize();
      const canvas = this._canvas;
      canvas.width = size.x;
      canvas.height = size.y;
      // the overlay pane moves while panning: put the canvas back under the view's top-left corner
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      const ctx = canvas.getContext('2d');
      ctx.clearRect(0, 0, size.x, size.y);
      if (this._cells.length === 0) return;

      // radius: a cell and a half, so neighbouring cells melt into one surface
      const a = map.latLngToContainerPoint([0, 0]);
      const b = map.latLngToContainerPoint([0, this._cellDegrees]);
      const r = Math.max(8, Math.min(80, Math.abs(b.x - a.x) * 1.5));
      const max = Math.log1p(this._cells.reduce((m, c) => Math.max(m, c.count), 1));
      this._cells.forEach((c) => {
        const p = map.latLngToContainerPoint([c.lat, c.lon]);
        if (p.x < -r || p.y < -r || p.x > size.x + r || p.y > size.y + r) return;
        const g = ctx.createRadialGradient(p.x, p.y, 0, p.x, p.y, r);
        g.addColorStop(0, 'rgba(0,0,0,' + (0.15 + 0.6 * Math.log1p(c.count) / max).toFixed(3) + ')');
        g.addColorStop(1, 'rgba(0,0,0,0)');
        ctx.fillStyle = g;
        ctx.fillRect(p.x - r, p.y - r, 2 * r, 2 * r);
      });

      // colour by the summed alpha; keep some transparency so the map beneath stays readable
      const img = ctx.getImageData(0, 0, size.x, size.y);
      const px = img.data;
      for (let i = 3; i < px.length; i += 4) {
        const alpha = px[i];
        if (alpha === 0) continue;
        const j = alpha * 4;
        px[i - 3] = RAMP[j];
        px[i - 2] = RAMP[j + 1];
        px[i - 1] = RAMP[j + 2];
        px[i] = Math.min(200, alpha + 40);
      }
      ctx.putImageData(img, 0, 0);
    }
  });
})();
