// Draws every <canvas data-chart='{...}'> with Chart.js; the page supplies the whole config
// as JSON, so no inline script is needed (the content security policy forbids it).
function drawCharts(root) {
  root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    if (canvas.dataset.drawn) { return; }
    canvas.dataset.drawn = 'true';
    var config = JSON.parse(canvas.dataset.chart);
    // the page's language is the reader's locale: Chart.js formats its axis numbers with it
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      locale: document.documentElement.lang || undefined }, config.options || {});
    new Chart(canvas, config);
  });
}
// The KPI breakdown picker: the value list shows only the chosen kind's values (what exists,
// by name), narrowed by what is typed in its search box; the whole program takes no value.
// A group with data-search (partners, cohorts: only the first ones are listed) asks the server
// for the names containing what is typed instead of narrowing what it holds.
function slicePicker(form) {
  var kind = form.querySelector('[data-slice-kind]');
  var value = form.querySelector('[data-slice-value]');
  var search = form.querySelector('[data-slice-search]');
  var note = form.querySelector('[data-slice-search-note]');
  if (!kind || !value) { return; }
  var pending = null;
  var asked = 0;
  function searched() {
    return value.querySelector('optgroup[data-kind="' + kind.value + '"][data-search]');
  }
  function show(reset) {
    var text = search ? search.value.trim().toLowerCase() : '';
    value.querySelectorAll('optgroup').forEach(function (group) {
      var mine = group.dataset.kind === kind.value;
      group.hidden = !mine;
      group.disabled = !mine;
      var remote = group.hasAttribute('data-search');
      group.querySelectorAll('option').forEach(function (option) {
        option.hidden = mine && !remote && text !== '' && option.textContent.toLowerCase().indexOf(text) < 0;
      });
    });
    var program = kind.value === 'PROGRAM';
    value.hidden = program;
    if (search) { search.hidden = program; }
    if (note) { note.hidden = !searched(); }
    if (reset || program) { value.value = ''; }
    // options of different kinds share ids (partner 4, PAM 4): an option is chosen as
    // itself, never by its value, which would find the first kind holding that id
    var chosen = value.selectedOptions[0];
    if (!program && (!chosen || chosen.value === '' || chosen.parentElement.dataset.kind !== kind.value)) {
      var first = value.querySelector('optgroup[data-kind="' + kind.value + '"] option:not([hidden])');
      if (first) { first.selected = true; } else { value.value = ''; }
    }
  }
  function ask() {
    var group = searched();
    if (!group) { show(false); return; }
    var mine = ++asked;
    fetch(group.dataset.search + '?q=' + encodeURIComponent(search.value.trim()),
      { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || mine !== asked) { return; }
        // a partner picked meanwhile stays picked when the answer holds it; else the
        // answer's first is chosen
        var chosen = value.selectedOptions[0];
        var picked = chosen && chosen.parentElement === group ? chosen.value : '';
        group.innerHTML = html;
        // narrowed: switching back to this kind asks again for the first ones
        group.dataset.narrowed = search.value.trim() === '' ? '' : 'yes';
        var keep = picked === '' ? null : group.querySelector('option[value="' + CSS.escape(picked) + '"]');
        if (keep) { keep.selected = true; } else { value.value = ''; }
        show(false);
      });
  }
  kind.addEventListener('change', function () {
    if (search) { search.value = ''; }
    show(true);
    var group = searched();
    if (group && group.dataset.narrowed === 'yes') { ask(); }
  });
  if (search) {
    search.addEventListener('input', function () {
      value.value = '';
      // a list searched on the server is chosen from when its answer arrives, not from
      // the names it held before the typing
      show(false);
      if (searched()) { value.value = ''; }
      if (pending) { clearTimeout(pending); }
      pending = setTimeout(ask, 250);
    });
  }
  show(false);
}
// Every table scrolls inside its card: wrapped once in a div.table-scroll (CSS does it
// without JavaScript on a phone)
function wrapTables(root) {
  root.querySelectorAll('main table').forEach(function (table) {
    if (table.parentElement.classList.contains('table-scroll')) { return; }
    var wrapper = document.createElement('div');
    wrapper.className = 'table-scroll';
    table.parentNode.insertBefore(wrapper, table);
    wrapper.appendChild(table);
  });
}
// Text with an unbroken run of 30 or more characters (a 200-letter name, a pasted token) may
// break anywhere, so it neither widens the page nor pushes a table's columns out of sight;
// every other cell keeps its words whole (breaking anywhere everywhere split "Registered" in
// narrow columns)
function markLongWords(root) {
  root.querySelectorAll('main :is(td, dd, dt, p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, summary, small, label)')
    .forEach(function (element) {
      if (/\S{30,}/.test(element.textContent)) { element.classList.add('long-word'); }
    });
}
document.addEventListener('DOMContentLoaded', function () {
  drawCharts(document);
  wrapTables(document);
  markLongWords(document);
  document.querySelectorAll('form[data-slice-picker]').forEach(slicePicker);
  var csrf = document.querySelector('meta[name="_csrf"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (csrf) { event.detail.headers[document.querySelector('meta[name="_csrf_header"]').content] = csrf.content; }
  });
  document.body.addEventListener('htmx:afterSwap', function (event) {
    drawCharts(event.target); wrapTables(document); markLongWords(event.target);
  });
  // "Back to the previous page" on error pages: the browser's history when there is one
  document.querySelectorAll('a[data-back]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (window.history.length > 1) { event.preventDefault(); window.history.back(); }
    });
  });
});
