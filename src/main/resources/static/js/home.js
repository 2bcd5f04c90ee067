// Home dashboard charts: each chart element carries its data and labels in data-* attributes,
// rendered by the server, so this script holds no text of its own.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.echarts) return;
  document.querySelectorAll('[data-chart=bars]').forEach((el) => {
    const data = JSON.parse(el.dataset.series);
    const chart = echarts.init(el, null, { renderer: 'svg' });
    // counts of nodes and of people differ by two orders of magnitude: a series with
    // "axis": "right" is drawn as a line against its own axis so the small bars stay readable
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 36, bottom: 90 },
      xAxis: { type: 'category', data: data.categories, axisLabel: { rotate: 60, interval: 0, fontSize: 11 } },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: data.series.map((s) => s.axis === 'right'
        ? { name: s.name, type: 'line', yAxisIndex: 1, data: s.values, symbolSize: 6 }
        : { name: s.name, type: 'bar', data: s.values })
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
