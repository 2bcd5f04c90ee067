// The leaderboard's bar chart: totals of the child areas, from the JSON in data-chart (no inline script).
document.addEventListener('DOMContentLoaded', () => {
  const el = document.getElementById('points-chart');
  if (!el || !window.echarts) return;
  const data = JSON.parse(el.dataset.chart || '{"names":[],"values":[]}');
  const chart = window.echarts.init(el);
  chart.setOption({
    grid: { left: 8, right: 36, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    // horizontal bars: long village names stay readable on a phone
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: data.names.slice().reverse(), axisLabel: { width: 96, overflow: 'truncate' } },
    series: [{ name: el.dataset.series, type: 'bar', data: data.values.slice().reverse(), itemStyle: { color: '#1677ff' },
               label: { show: true, position: 'right' } }]
  });
  el.style.height = Math.max(200, data.names.length * 28 + 40) + 'px';
  chart.resize();
  window.addEventListener('resize', () => chart.resize());
});
