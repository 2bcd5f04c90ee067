// Home dashboard charts: each chart element carries its data and labels in data-* attributes,
// rendered by the server, so this script holds no text of its own.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.echarts) return;
  document.querySelectorAll('[data-chart=bars]').forEach((el) => {
    const data = JSON.parse(el.dataset.series);
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 36, bottom: 90 },
      xAxis: { type: 'category', data: data.categories, axisLabel: { rotate: 60, interval: 0, fontSize: 11 } },
      yAxis: { type: 'value' },
      series: data.series.map((s) => ({ name: s.name, type: 'bar', data: s.values }))
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
