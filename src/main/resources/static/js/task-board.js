// The supervision board's bar chart: on-time rate per node against open and overdue counts.
// Data and labels come from data-* attributes of #supervision-chart; the CSP allows no inline script.
document.addEventListener('DOMContentLoaded', () => {
  const el = document.getElementById('supervision-chart');
  if (!el || !window.echarts) return;
  const data = JSON.parse(el.dataset.chart);
  const chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [el.dataset.onTime, el.dataset.open, el.dataset.overdue] },
    grid: { left: 40, right: 40, bottom: 80, containLabel: true },
    xAxis: { type: 'category', data: data.names, axisLabel: { rotate: 40, interval: 0 } },
    yAxis: [
      { type: 'value', name: '%', max: 100 },
      { type: 'value', minInterval: 1 }
    ],
    series: [
      { name: el.dataset.onTime, type: 'bar', data: data.onTime, itemStyle: { color: '#2e7d32' } },
      { name: el.dataset.open, type: 'bar', yAxisIndex: 1, data: data.open, itemStyle: { color: '#1f5fa8' } },
      { name: el.dataset.overdue, type: 'bar', yAxisIndex: 1, data: data.overdue, itemStyle: { color: '#c62828' } }
    ]
  });
  window.addEventListener('resize', () => chart.resize());
});
