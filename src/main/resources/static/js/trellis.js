// Draws every <canvas data-chart='{...}'> with Chart.js; the page supplies the whole config
// as JSON, so no inline script is needed (the content security policy forbids it).
function drawCharts(root) {
  root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    if (canvas.dataset.drawn) { return; }
    canvas.dataset.drawn = 'true';
    var config = JSON.parse(canvas.dataset.chart);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    new Chart(canvas, config);
  });
}
document.addEventListener('DOMContentLoaded', function () {
  drawCharts(document);
  var csrf = document.querySelector('meta[name="_csrf"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (csrf) { event.detail.headers[document.querySelector('meta[name="_csrf_header"]').content] = csrf.content; }
  });
  document.body.addEventListener('htmx:afterSwap', function (event) { drawCharts(event.target); });
  // "Back to the previous page" on error pages: the browser's history when there is one
  document.querySelectorAll('a[data-back]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (window.history.length > 1) { event.preventDefault(); window.history.back(); }
    });
  });
});
