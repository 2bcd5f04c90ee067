// The figures page's chart: per campaign (oldest first) the points inspected, hazards found and
// rectified as bars, and the rectification rate as a line on its own axis. Data and series names
// come from the element's data attributes (no inline script, no text in this file).
document.addEventListener('DOMContentLoaded', () => {
  const el = document.getElementById('onemap-figures-counts');
  if (!el || !window.echarts) return;
  const data = JSON.parse(el.dataset.chart);
  // campaign names are typed by people: escaped before they go into the tooltip's HTML
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const chart = window.echarts.init(el);
  chart.setOption({
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      // the code is short enough for the axis; the tooltip names the campaign
      formatter: (items) => esc(data.names[items[0].dataIndex]) + '<br>'
        + items.map((i) => i.marker + i.seriesName + ': ' + (i.value === null ? '–' : i.value)).join('<br>')
    },
    xAxis: { type: 'category', data: data.codes, axisLabel: { rotate: 45 } },
    yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }],
    series: [
      { name: el.dataset.inspected, type: 'bar', data: data.inspected, itemStyle: { color: '#90a4ae' } },
      { name: el.dataset.found, type: 'bar', data: data.found, itemStyle: { color: '#ef6c00' } },
      { name: el.dataset.rectified, type: 'bar', data: data.rectified, itemStyle: { color: '#2e7d32' } },
      { name: el.dataset.rate, type: 'line', yAxisIndex: 1, data: data.rate, itemStyle: { color: '#1565c0' } }
    ]
  });
  window.addEventListener('resize', () => chart.resize());
});
