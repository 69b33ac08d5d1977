/**
 * The error report's only script: it reads the errors from the page's JSON data block and lists them, a page of 50
 * at a time, under the filters (class, gold type, predicted type, source, text), so that thousands of errors cost
 * the browser what 50 do. Each item shows the sentence around the error twice, gold spans tinted and predicted spans
 * underlined, the error's own spans outlined. Counts in the tables are buttons that set the filters.
 *
 * It builds every element through DOM APIs and writes text only as textContent and attributes, so no text of a
 * sentence is ever parsed as HTML. Plain ES2017, no library; without it the page still shows the scores and tables.
 */
export const EVAL_PAGE_SCRIPT = `
(function () {
  'use strict';
  var PAGE_SIZE = 50;
  var CONTEXT = 60;
  var data = JSON.parse(document.getElementById('korner-eval-data').textContent);
  var sentences = data.examples.sentences;
  var labels = data.labels;
  var controls = {
    kind: document.getElementById('filter-kind'),
    gold: document.getElementById('filter-gold'),
    predicted: document.getElementById('filter-predicted'),
    source: document.getElementById('filter-source'),
    search: document.getElementById('filter-search')
  };
  var list = document.querySelector('ol.errors');
  var status = document.querySelector('#errors .status');
  var previous = document.querySelectorAll('#errors .page-previous');
  var next = document.querySelectorAll('#errors .page-next');
  var pageLabels = document.querySelectorAll('#errors .page-label');

  var items = data.examples.errors.map(function (error) {
    var sentence = sentences[error.sentence];
    var gold = error.gold === undefined ? null : sentence.gold[error.gold];
    var predicted = error.predicted === undefined ? null : sentence.predicted[error.predicted];
    return {
      error: error,
      sentence: sentence,
      gold: gold,
      predicted: predicted,
      goldType: gold ? gold.type : 'none',
      predictedType: predicted ? predicted.type : 'none',
      source: predicted ? predicted.source || 'unknown' : 'none',
      haystack: null
    };
  });
  var shown = items;
  var page = 0;

  function haystack(item) {
    if (item.haystack === null) item.haystack = (item.sentence.id + '\\n' + item.sentence.text).toLowerCase();
    return item.haystack;
  }

  function apply() {
    var kind = controls.kind.value;
    var gold = controls.gold.value;
    var predicted = controls.predicted.value;
    var source = controls.source.value;
    var needle = controls.search.value.trim().toLowerCase();
    shown = items.filter(function (item) {
      return (!kind || item.error.kind === kind) &&
        (!gold || item.goldType === gold) &&
        (!predicted || item.predictedType === predicted) &&
        (!source || item.source === source) &&
        (!needle || haystack(item).indexOf(needle) !== -1);
    });
    page = 0;
    render();
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function mention(span, text) {
    return span.type + ' \\u201c' + text.slice(span.start, span.end) + '\\u201d';
  }

  // The spans to mark in one row: the error's own span always, others where they do not overlap a marked one.
  function marked(spans, focus) {
    var kept = [];
    var focusSpan = focus === undefined ? null : spans[focus];
    spans.forEach(function (span, k) {
      var last = kept.length ? kept[kept.length - 1].span : null;
      var isFocus = k === focus;
      if (!isFocus && focusSpan && span.start < focusSpan.end && focusSpan.start < span.end) return;
      if (!isFocus && last && span.start < last.end) return;
      kept.push({ span: span, focus: isFocus });
    });
    return kept;
  }

  function row(side, text, spans, focus, from, to) {
    var line = element('div', 'row ' + side);
    line.appendChild(element('span', 'side', side));
    var body = element('span', 'text');
    var at = from;
    if (from > 0) body.appendChild(element('span', 'cut', '\\u2026'));
    marked(spans, focus).forEach(function (entry) {
      var start = Math.max(entry.span.start, from);
      var end = Math.min(entry.span.end, to);
      if (start >= end) return;
      if (start > at) body.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = element('mark', entry.focus ? 'focus' : '', text.slice(start, end));
      mark.setAttribute('data-type', entry.span.type);
      mark.setAttribute('data-label', labels[entry.span.type] || entry.span.type);
      mark.setAttribute('title', entry.span.type + ' ' + entry.span.start + '\\u2013' + entry.span.end + (entry.span.source ? ' (' + entry.span.source + ')' : ''));
      body.appendChild(mark);
      at = end;
    });
    if (at < to) body.appendChild(document.createTextNode(text.slice(at, to)));
    if (to < text.length) body.appendChild(element('span', 'cut', '\\u2026'));
    line.appendChild(body);
    return line;
  }

  // The part of the sentence shown: the error's spans with CONTEXT units on each side, not cutting a surrogate pair.
  function excerpt(item) {
    var text = item.sentence.text;
    var spans = [item.gold, item.predicted].filter(Boolean);
    var from = Math.max(0, Math.min.apply(null, spans.map(function (s) { return s.start; })) - CONTEXT);
    var to = Math.min(text.length, Math.max.apply(null, spans.map(function (s) { return s.end; })) + CONTEXT);
    var low = function (at) { var c = text.charCodeAt(at); return c >= 0xdc00 && c <= 0xdfff; };
    if (from > 0 && low(from)) from--;
    if (to < text.length && low(to)) to++;
    return { from: from, to: to };
  }

  function itemElement(item) {
    var text = item.sentence.text;
    var entry = element('li', 'error');
    entry.setAttribute('data-kind', item.error.kind);
    var meta = element('div', 'meta');
    meta.appendChild(element('span', 'kind', item.error.kind));
    var what = item.gold && item.predicted ? 'gold ' + mention(item.gold, text) + ' \\u2192 predicted ' + mention(item.predicted, text)
      : item.gold ? 'gold ' + mention(item.gold, text) + ', not predicted'
      : 'predicted ' + mention(item.predicted, text) + ', not in the gold';
    meta.appendChild(element('span', 'what', what));
    meta.appendChild(element('span', 'source', item.predicted ? 'source: ' + item.source : 'no prediction'));
    meta.appendChild(element('span', 'id', item.sentence.id));
    entry.appendChild(meta);
    var part = excerpt(item);
    entry.appendChild(row('gold', text, item.sentence.gold, item.error.gold, part.from, part.to));
    entry.appendChild(row('predicted', text, item.sentence.predicted, item.error.predicted, part.from, part.to));
    return entry;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    if (page >= pages) page = pages - 1;
    var from = page * PAGE_SIZE;
    var to = Math.min(shown.length, from + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    for (var i = from; i < to; i++) fragment.appendChild(itemElement(shown[i]));
    list.replaceChildren(fragment);
    var filtered = shown.length === items.length ? '' : ' (filtered from ' + items.length + ')';
    status.textContent = shown.length === 0 ? 'No error matches the filters' + filtered + '.' : 'Errors ' + (from + 1) + '\\u2013' + to + ' of ' + shown.length + filtered;
    pageLabels.forEach(function (label) { label.textContent = 'page ' + (page + 1) + ' of ' + pages; });
    previous.forEach(function (button) { button.disabled = page === 0; });
    next.forEach(function (button) { button.disabled = page >= pages - 1; });
  }

  ['kind', 'gold', 'predicted', 'source'].forEach(function (name) { controls[name].addEventListener('change', apply); });
  controls.search.addEventListener('input', apply);
  document.getElementById('filter-reset').addEventListener('click', function () {
    Object.keys(controls).forEach(function (name) { controls[name].value = ''; });
    apply();
  });
  // Turning a page from the pager under the list goes back to the top of the list.
  function turn(by, button) {
    page += by;
    render();
    if (button.closest('nav') === pagers[pagers.length - 1]) pagers[0].scrollIntoView();
  }
  var pagers = document.querySelectorAll('#errors .pager');
  previous.forEach(function (button) { button.addEventListener('click', function () { turn(-1, button); }); });
  next.forEach(function (button) { button.addEventListener('click', function () { turn(1, button); }); });

  // A count in a table sets the filters to its errors and shows them.
  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button[data-filter]') : null;
    if (!button) return;
    var filter = JSON.parse(button.getAttribute('data-filter'));
    Object.keys(controls).forEach(function (name) { controls[name].value = filter[name] || ''; });
    apply();
    document.getElementById('errors').scrollIntoView();
  });

  render();
})();
`;
