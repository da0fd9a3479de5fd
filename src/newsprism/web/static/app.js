/* newsprism pages: the claim evidence panel and the actor network. Plain JavaScript, no library.
   Data comes from <script type="application/json"> blocks; text is only ever set with
   textContent, never parsed as HTML, so nothing from an article can run as script. */
(function () {
  "use strict";

  function readJson(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var links = readJson("link-data") || {};

  function articleLink(articleId, sentenceIndex) {
    var pattern = links.article || "";
    return pattern.replace("ARTICLE_ID", encodeURIComponent(articleId)).replace("SENTENCE", String(sentenceIndex));
  }

  /* A sentence with the reported words marked: built from text nodes, never from HTML. */
  function sentenceNode(text, highlight) {
    var quote = el("blockquote", "sentence");
    if (highlight && highlight[0] >= 0 && highlight[1] <= text.length && highlight[0] < highlight[1]) {
      quote.appendChild(document.createTextNode(text.slice(0, highlight[0])));
      quote.appendChild(el("mark", "hl hl-focus", text.slice(highlight[0], highlight[1])));
      quote.appendChild(document.createTextNode(text.slice(highlight[1])));
    } else {
      quote.textContent = text;
    }
    return quote;
  }

  function evidenceItem(outlet, status, sentence, disputed) {
    var li = el("li", "evidence-item");
    var who = el("div", "who");
    who.appendChild(el("strong", null, outlet));
    if (status && status !== "reported") {
      who.appendChild(document.createTextNode(" "));
      who.appendChild(el("span", "badge st-contradicted", status + (disputed ? " · " + disputed : "")));
    }
    who.appendChild(document.createTextNode(" · "));
    var a = el("a", null, (sentence.title || sentence.article_id) + ", sentence " + (sentence.sentence_index + 1));
    a.href = articleLink(sentence.article_id, sentence.sentence_index);
    who.appendChild(a);
    li.appendChild(who);
    li.appendChild(sentenceNode(sentence.text, sentence.highlight));
    return li;
  }

  /* Claims: one row per claim with a strip of cells per outlet or per side. The server draws the
     view asked for; the switch draws another grouping here once, then only shows one at a time.
     Opening a claim lists its sentences side by side. */
  document.documentElement.classList.add("js");
  var claims = readJson("claim-data");
  var sideData = readJson("side-data") || {};
  var table = document.getElementById("claim-matrix");
  var switchForm = document.getElementById("side-switch");

  function shownGrouping() { return table ? table.getAttribute("data-shown") || "outlet" : "outlet"; }

  /* The row under a claim that holds its sentences, made when the claim is first opened. */
  function detailRow(row) {
    var id = "d-" + row.getAttribute("data-claim");
    var detail = document.getElementById(id);
    if (!detail) {
      detail = el("tr", "claim-detail");
      detail.id = id;
      detail.hidden = true;
      var cell = el("td");
      cell.colSpan = 3;
      detail.appendChild(cell);
      row.parentNode.insertBefore(detail, row.nextSibling);
      row.setAttribute("aria-controls", id);
    }
    return detail;
  }

  /* A grouping's strips, drawn here when the reader first asks for it, in the form the server
     draws them (sides_view.page_sides and story.html): the same cells, counts and hover text. */
  function truncate(text, length, leeway) {   // Jinja's truncate filter, so titles read alike
    if (text.length <= length + leeway) return text;
    var cut = text.slice(0, length - 3);
    var space = cut.lastIndexOf(" ");
    return (space >= 0 ? cut.slice(0, space) : cut) + "...";
  }
  var SYMBOL = {reports: "\u25CF", disputes: "\u2715", split: "\u25D0", absent: "\u00B7"};
  function stripCells(claimId, grouping) {
    var data = sideData[grouping];
    var reporting = {}, disputing = {}, reports = {};
    (claims[claimId] || []).forEach(function (r) {
      var side = data.side_of[r.outlet];
      if (side === undefined || r.status === "absent") return;
      var into = r.status === "contradicts" ? disputing : reporting;
      (into[side] = into[side] || []).push(r.outlet);
      reports[r.outlet] = r;
    });
    return data.order.map(function (side) {
      var rep = (reporting[side] || []).sort(), dis = (disputing[side] || []).sort();
      var status = rep.length && dis.length ? "split" : rep.length ? "reports" : dis.length ? "disputes" : "absent";
      var cell = el("span", "cell s-" + status);
      if (grouping === "outlet") {
        var report = reports[side];
        var wording = report ? (report.sentences.length ? report.sentences[0].text : report.wording) : null;
        cell.setAttribute("data-outlet", side);
        cell.title = side + (report && report.disputed ? " (" + report.disputed + ")" : "") + ": " +
          (wording ? truncate(wording, 120, 10) : status);
        cell.textContent = SYMBOL[status];
        return cell;
      }
      var members = data.members[side].length;
      var carried = rep.concat(dis.filter(function (o) { return rep.indexOf(o) < 0; })).length;
      var share = members ? carried / members : 0;
      cell.className += " f" + (share > 0.75 ? 4 : share > 0.5 ? 3 : share > 0.25 ? 2 : share > 0 ? 1 : 0);
      cell.setAttribute("data-side", side);
      cell.title = side + ": " + (rep.length ? rep.length + " of " + members + " report (" + rep.join(", ") + ")" : "none of " + members + " reports") +
        (dis.length ? "; " + dis.length + " dispute (" + dis.join(", ") + ")" : "");
      cell.textContent = status === "absent" ? "\u2013" : rep.length + "/" + members + (dis.length ? " \u2715" + dis.length : "");
      return cell;
    });
  }
  function drawGrouping(grouping) {
    if (!table || table.querySelector('.strip[data-grouping="' + grouping + '"]') || !sideData[grouping] || !claims) return;
    var data = sideData[grouping];
    data.members = {};
    Object.keys(data.side_of).sort().forEach(function (o) { (data.members[data.side_of[o]] = data.members[data.side_of[o]] || []).push(o); });
    var outlet = grouping === "outlet";
    var head = el("div", "strip strip-head" + (outlet ? " by-outlet" : ""));
    head.setAttribute("data-grouping", grouping);
    head.hidden = true;
    data.order.forEach(function (side) {
      var h = el("span", "head");
      h.title = side + (outlet ? "" : ": " + data.members[side].join(", "));
      h.appendChild(el("span", null, side));
      head.appendChild(h);
    });
    table.querySelector("thead th.strip-col").appendChild(head);
    table.querySelectorAll("tr.claim-row").forEach(function (row) {
      var strip = el("div", "strip" + (outlet ? " by-outlet" : ""));
      strip.setAttribute("data-grouping", grouping);
      strip.hidden = true;
      stripCells(row.getAttribute("data-claim"), grouping).forEach(function (c) { strip.appendChild(c); });
      row.querySelector("td.strip-col").appendChild(strip);
    });
  }

  function fillDetail(row) {
    var id = row.getAttribute("data-claim");
    var detail = detailRow(row);
    if (!claims) return null;
    var cell = detail.firstElementChild;
    cell.textContent = "";
    var label = row.querySelector(".claim-label");
    cell.appendChild(el("h3", "detail-title", label.getAttribute("title") || label.textContent));
    var shown = shownGrouping();
    var sideOf = shown === "outlet" ? null : (sideData[shown] || {}).side_of || {};
    var reports = claims[id] || [];
    var groups = el("div", "side-groups");
    var silent = [];
    row.querySelectorAll('.strip[data-grouping="' + shown + '"] .cell').forEach(function (sideCell) {
      var side = sideCell.getAttribute("data-side") || sideCell.getAttribute("data-outlet");
      var mine = reports.filter(function (r) { return (sideOf ? sideOf[r.outlet] : r.outlet) === side; });
      if (!mine.length) { silent.push(side); return; }
      var group = el("div", "side-group");
      group.setAttribute("data-side", side);
      // By side, a heading per side and its tally; by outlet, each sentence already names its outlet.
      if (sideOf) {
        group.appendChild(el("h4", null, side));
        group.appendChild(el("p", "muted", sideCell.getAttribute("title").slice(side.length + 2)));
      }
      var list = el("ul", "evidence");
      mine.forEach(function (report) {
        if (!report.sentences.length) {
          list.appendChild(evidenceItem(report.outlet, report.status, {article_id: "", sentence_index: -1, text: report.wording || "", title: ""}, report.disputed));
        }
        report.sentences.forEach(function (s) { list.appendChild(evidenceItem(report.outlet, report.status, s, report.disputed)); });
      });
      group.appendChild(list);
      groups.appendChild(group);
    });
    cell.appendChild(groups);
    if (silent.length) cell.appendChild(el("p", "muted silent", "Silent: " + silent.join(", ")));
    return detail;
  }

  function openClaim(row, open) {
    var detail = detailRow(row);
    if (open === undefined) open = detail.hidden;
    if (open) fillDetail(row);
    detail.hidden = !open;
    row.classList.toggle("active", open);
    row.setAttribute("aria-expanded", open ? "true" : "false");
  }
  document.querySelectorAll("tr.claim-row").forEach(function (row) {
    row.addEventListener("click", function (e) { if (!e.target.closest("a")) openClaim(row); });
    row.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openClaim(row); } });
  });
  document.querySelectorAll("a.timeline-claim").forEach(function (a) {
    a.addEventListener("click", function () {
      var row = document.getElementById("c-" + a.getAttribute("data-claim"));
      if (row) openClaim(row, true);
    });
  });
  // A link from another page of the story's claims ("?offset=200#c-…") opens its claim here.
  if (location.hash.indexOf("#c-") === 0) {
    var linked = document.getElementById(location.hash.slice(1));
    if (linked && linked.classList.contains("claim-row")) openClaim(linked, true);
  }

  /* The side switch: show one grouping's strips, keep it in the address, the filters and the pager. */
  function showGrouping(by, grouping) {
    var shown = by === "side" ? grouping : "outlet";
    drawGrouping(shown);
    table.setAttribute("data-shown", shown);
    table.querySelectorAll(".strip").forEach(function (strip) { strip.hidden = strip.getAttribute("data-grouping") !== shown; });
    var title = document.getElementById("claims-by");
    if (title) title.textContent = by === "side" ? "side" : "outlet";
    document.querySelectorAll("input.keep-by").forEach(function (i) { i.value = by; });
    document.querySelectorAll("input.keep-sides").forEach(function (i) { i.value = grouping; });
    function withSwitch(href) {
      var url = new URL(href, location.href);
      if (by === "side") { url.searchParams.set("by", "side"); url.searchParams.set("sides", grouping); }
      else { url.searchParams.delete("by"); url.searchParams.delete("sides"); }
      return url;
    }
    document.querySelectorAll("p.pager a").forEach(function (a) { a.href = withSwitch(a.href).href; });
    if (location.protocol !== "file:") {
      try { history.replaceState(null, "", withSwitch(location.href).href); } catch (e) { /* an old browser keeps its address */ }
    }
    document.querySelectorAll("tr.claim-row.active").forEach(function (row) { fillDetail(row); });
  }
  if (table && switchForm) {
    var update = function () {
      var by = switchForm.querySelector('input[name="by"]:checked');
      var sides = switchForm.querySelector('select[name="sides"]');
      showGrouping(by ? by.value : "outlet", sides ? sides.value : "control");
    };
    switchForm.addEventListener("change", function (e) {
      // Choosing a grouping means comparing by side.
      if (e.target.name === "sides") { var side = switchForm.querySelector('input[name="by"][value="side"]'); if (side) side.checked = true; }
      update();
    });
    switchForm.addEventListener("submit", function (e) { e.preventDefault(); update(); });
  }

  /* Event maps: the sentence of a dot in a tip beside it on hover or focus (its <title> holds it). */
  var tip = null;
  function showTip(dot, x, y) {
    var title = dot.querySelector("title");
    if (!title) return;
    if (!tip) { tip = el("div", "map-tip"); tip.setAttribute("role", "tooltip"); document.body.appendChild(tip); }
    tip.textContent = title.textContent;
    tip.hidden = false;
    var left = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = (y + 14) + "px";
  }
  document.querySelectorAll("svg.event-map .dot").forEach(function (dot) {
    dot.addEventListener("mouseenter", function (e) { showTip(dot, e.clientX, e.clientY); });
    dot.addEventListener("mousemove", function (e) { showTip(dot, e.clientX, e.clientY); });
    dot.addEventListener("focus", function () { var box = dot.getBoundingClientRect(); showTip(dot, box.right, box.bottom); });
    dot.addEventListener("mouseleave", function () { if (tip) tip.hidden = true; });
    dot.addEventListener("blur", function () { if (tip) tip.hidden = true; });
  });

  /* Actor network: a small force layout drawn in SVG, started when the section is opened. */
  var network = readJson("network-data");
  var details = document.getElementById("network-details");
  var svg = document.getElementById("network-svg");
  if (network && details && svg) {
    var drawn = false;
    details.addEventListener("toggle", function () { if (details.open && !drawn) { drawn = true; drawNetwork(network, svg); } });
    if (location.hash === "#network") { details.open = true; }
  }

  function drawNetwork(data, svg) {
    var NS = "http://www.w3.org/2000/svg";
    var width = 900, height = 560;
    var colours = data.colours || {};
    // Only actors in at least one tie: an actor with no counterpart adds clutter, not structure.
    var tied = {};
    data.edges.forEach(function (e) { tied[e.source] = true; tied[e.target] = true; });
    var nodes = data.nodes.filter(function (n) { return tied[n.id]; }).map(function (n, i, all) {
      var angle = 2 * Math.PI * i / Math.max(1, all.length);
      return {id: n.id, label: n.label, country: n.country, sector: n.sector, events: n.events,
              x: width / 2 + 200 * Math.cos(angle), y: height / 2 + 200 * Math.sin(angle), vx: 0, vy: 0};
    });
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var edges = data.edges.filter(function (e) { return byId[e.source] && byId[e.target]; });
    // Parallel edges between one pair get distinct curvature so each type stays visible.
    var pairCount = {};
    edges.forEach(function (e) {
      var key = [e.source, e.target].sort().join("\u0000");
      e.bend = (pairCount[key] = (pairCount[key] || 0) + 1);
    });

    function tick() {
      var i, j, a, b, dx, dy, d2, d, f;
      for (i = 0; i < nodes.length; i++) {
        for (j = i + 1; j < nodes.length; j++) {
          a = nodes[i]; b = nodes[j];
          dx = a.x - b.x; dy = a.y - b.y; d2 = dx * dx + dy * dy + 0.01;
          f = 7000 / d2; d = Math.sqrt(d2);
          a.vx += f * dx / d; a.vy += f * dy / d; b.vx -= f * dx / d; b.vy -= f * dy / d;
        }
      }
      edges.forEach(function (e) {
        a = byId[e.source]; b = byId[e.target];
        dx = b.x - a.x; dy = b.y - a.y; d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        f = (d - 110) * 0.02;
        a.vx += f * dx / d; a.vy += f * dy / d; b.vx -= f * dx / d; b.vy -= f * dy / d;
      });
      nodes.forEach(function (n) {
        if (n.fixed) { n.vx = n.vy = 0; return; }
        n.vx += (width / 2 - n.x) * 0.006; n.vy += (height / 2 - n.y) * 0.012;
        n.vx *= 0.6; n.vy *= 0.6;
        n.x = Math.max(40, Math.min(width - 40, n.x + n.vx));
        n.y = Math.max(30, Math.min(height - 30, n.y + n.vy));
      });
    }
    for (var k = 0; k < 300; k++) tick();

    var defs = document.createElementNS(NS, "defs");
    svg.appendChild(defs);
    var edgeLayer = document.createElementNS(NS, "g");
    var nodeLayer = document.createElementNS(NS, "g");
    svg.appendChild(edgeLayer); svg.appendChild(nodeLayer);

    var markerFor = {};
    function marker(colour) {
      if (markerFor[colour]) return markerFor[colour];
      var id = "arrow-" + Object.keys(markerFor).length;
      var m = document.createElementNS(NS, "marker");
      m.setAttribute("id", id); m.setAttribute("viewBox", "0 0 10 10"); m.setAttribute("refX", "20"); m.setAttribute("refY", "5");
      m.setAttribute("markerWidth", "12"); m.setAttribute("markerHeight", "12");
      m.setAttribute("markerUnits", "userSpaceOnUse"); m.setAttribute("orient", "auto-start-reverse");
      var p = document.createElementNS(NS, "path");
      p.setAttribute("d", "M 0 0 L 10 5 L 0 10 z"); p.setAttribute("fill", colour);
      m.appendChild(p); defs.appendChild(m);
      return (markerFor[colour] = id);
    }

    edges.forEach(function (e) {
      var colour = colours[e.plover_type] || "#777777";
      var path = document.createElementNS(NS, "path");
      path.setAttribute("class", "edge");
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", colour);
      path.setAttribute("stroke-width", String(Math.min(8, 1.5 + e.weight)));
      path.setAttribute("marker-end", "url(#" + marker(colour) + ")");
      path.setAttribute("data-type", e.plover_type);
      var title = document.createElementNS(NS, "title");
      title.textContent = byId[e.source].label + " " + e.plover_type + " " + byId[e.target].label + " (" + e.weight + ")";
      path.appendChild(title);
      path.addEventListener("click", function () { showEdge(e); });
      edgeLayer.appendChild(path);
      e.path = path;
    });

    nodes.forEach(function (n) {
      var g = document.createElementNS(NS, "g");
      g.setAttribute("class", "node");
      var c = document.createElementNS(NS, "circle");
      c.setAttribute("r", String(6 + Math.min(10, n.events)));
      var t = document.createElementNS(NS, "text");
      t.setAttribute("dx", "12"); t.setAttribute("dy", "4");
      t.textContent = n.label + (n.country ? " (" + n.country + ")" : "");
      var title = document.createElementNS(NS, "title");
      title.textContent = n.label + [n.country, n.sector].filter(Boolean).map(function (v) { return " · " + v; }).join("");
      c.appendChild(title);
      g.appendChild(c); g.appendChild(t);
      nodeLayer.appendChild(g);
      n.g = g;
      g.addEventListener("pointerdown", function (ev) {
        ev.preventDefault(); n.fixed = true; g.setPointerCapture(ev.pointerId);
        function move(mv) {
          var box = svg.getBoundingClientRect();
          n.x = (mv.clientX - box.left) * width / box.width; n.y = (mv.clientY - box.top) * height / box.height;
          render();
        }
        function up() { g.removeEventListener("pointermove", move); g.removeEventListener("pointerup", up); }
        g.addEventListener("pointermove", move); g.addEventListener("pointerup", up);
      });
    });

    function render() {
      edges.forEach(function (e) {
        var a = byId[e.source], b = byId[e.target];
        var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
        var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var off = 18 * e.bend;
        e.path.setAttribute("d", "M" + a.x + "," + a.y + " Q" + (mx - dy / len * off) + "," + (my + dx / len * off) + " " + b.x + "," + b.y);
      });
      nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); });
    }
    render();

    function showEdge(e) {
      var panel = document.getElementById("edge-panel");
      var list = document.getElementById("edge-panel-list");
      document.getElementById("edge-panel-title").textContent =
        byId[e.source].label + " " + e.plover_type + " " + byId[e.target].label;
      list.textContent = "";
      e.event_ids.forEach(function (id) {
        var ev = (data.events || {})[id];
        if (ev) list.appendChild(evidenceItem(ev.outlet || "unknown outlet", "reported", ev));
      });
      panel.hidden = false;
    }
  }
})();
