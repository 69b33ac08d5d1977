/**
 * The page's only script: it counts the marks for the legend and draws an arrow from each link's gloss to its
 * mention, from where the browser laid them out (again when the window is resized). It reads the page through DOM
 * APIs and writes only textContent and attributes of elements it made, so no text of a document is ever parsed as
 * HTML or script. Plain ES2017 for any browser; without it the page still shows everything but the arrows.
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var ns = 'http://www.w3.org/2000/svg';
  var counts = new Map();
  document.querySelectorAll('main mark[data-type]').forEach(function (mark) {
    var type = mark.getAttribute('data-type');
    counts.set(type, (counts.get(type) || 0) + 1);
  });
  document.querySelectorAll('.legend li[data-type]').forEach(function (item) {
    item.querySelector('.count').textContent = String(counts.get(item.getAttribute('data-type')) || 0);
  });

  // For each link of a document: its gloss and mention elements (the first piece of each is where the arrow goes).
  function linkGroups(body) {
    var groups = new Map();
    function group(k) {
      if (!groups.has(k)) groups.set(k, { glosses: [], mentions: [], arrow: null });
      return groups.get(k);
    }
    body.querySelectorAll('.gloss[data-link]').forEach(function (gloss) {
      group(gloss.getAttribute('data-link')).glosses.push(gloss);
    });
    body.querySelectorAll('.mention[data-links]').forEach(function (mention) {
      mention.getAttribute('data-links').split(' ').forEach(function (k) { group(k).mentions.push(mention); });
    });
    return groups;
  }

  var documents = [];
  document.querySelectorAll('main .doc .body').forEach(function (body) {
    var groups = linkGroups(body);
    if (groups.size > 0) documents.push({ body: body, groups: groups, svg: null });
  });

  function element(name, attributes) {
    var made = document.createElementNS(ns, name);
    Object.keys(attributes).forEach(function (key) { made.setAttribute(key, String(attributes[key])); });
    return made;
  }

  function draw() {
    // All positions first, then all drawing: one layout, however many documents.
    var plans = documents.map(function (doc) {
      var origin = doc.body.getBoundingClientRect();
      var lines = [];
      doc.groups.forEach(function (group, k) {
        var from = group.glosses.length && group.glosses[0].getClientRects()[0];
        var to = group.mentions.length && group.mentions[0].getClientRects()[0];
        if (from && to) lines.push({ k: k, x1: from.left + from.width / 2 - origin.left, y1: from.top - origin.top, x2: to.left + to.width / 2 - origin.left, y2: to.top - origin.top });
      });
      return lines;
    });
    documents.forEach(function (doc, n) {
      if (doc.svg) doc.svg.remove();
      var svg = element('svg', { class: 'links', 'aria-hidden': 'true' });
      var marker = element('marker', { id: 'korner-arrow-' + n, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
      marker.appendChild(element('path', { d: 'M0 0L10 5L0 10z' }));
      var defs = element('defs', {});
      defs.appendChild(marker);
      svg.appendChild(defs);
      plans[n].forEach(function (line) {
        var lift = Math.min(40, 10 + Math.abs(line.x2 - line.x1) / 10 + Math.abs(line.y2 - line.y1) / 6);
        var top = Math.min(line.y1, line.y2) - lift;
        var arrow = element('path', {
          class: 'arrow',
          'data-link': line.k,
          d: 'M' + line.x1.toFixed(1) + ' ' + line.y1.toFixed(1) + 'C' + line.x1.toFixed(1) + ' ' + top.toFixed(1) + ' ' + line.x2.toFixed(1) + ' ' + top.toFixed(1) + ' ' + line.x2.toFixed(1) + ' ' + (line.y2 - 1).toFixed(1),
          'marker-end': 'url(#korner-arrow-' + n + ')'
        });
        doc.groups.get(line.k).arrow = arrow;
        svg.appendChild(arrow);
      });
      doc.body.appendChild(svg);
      doc.svg = svg;
    });
  }

  // Hovering a gloss or a mention lights up its link: the gloss, the mention and the arrow.
  function highlight(event, on) {
    var target = event.target;
    var link = target && target.closest ? target.closest('.gloss,.mention') : null;
    if (!link) return;
    var doc = documents.find(function (d) { return d.body.contains(link); });
    if (!doc) return;
    var keys = link.classList.contains('gloss') ? [link.getAttribute('data-link')] : link.getAttribute('data-links').split(' ');
    keys.forEach(function (k) {
      var group = doc.groups.get(k);
      if (!group) return;
      group.glosses.concat(group.mentions, group.arrow ? [group.arrow] : []).forEach(function (part) { part.classList.toggle('active', on); });
    });
  }
  document.addEventListener('mouseover', function (event) { highlight(event, true); });
  document.addEventListener('mouseout', function (event) { highlight(event, false); });

  draw();
  var pending = 0;
  window.addEventListener('resize', function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(draw);
  });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(draw);
})();
`;
