// The interactive network view, drawn by vis-network from /network.json.
(function () {
  var box = document.getElementById("network");
  if (!box || typeof vis === "undefined") { return; }
  var panel = document.getElementById("panel-body");
  var status = document.getElementById("network-status");
  var byId = {};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function show(node) {
    panel.replaceChildren();
    panel.appendChild(el("h3", node.label));
    panel.appendChild(el("p", node.type + " · " + node.zone));
    panel.appendChild(el("h4", box.dataset.ties + " (" + node.ties.length + ")"));
    var ul = el("ul");
    if (!node.ties.length) { ul.appendChild(el("li", box.dataset.none)); }
    node.ties.forEach(function (t) {
      ul.appendChild(el("li", t[0] + " — " + t[1] + (t[2] ? "（" + t[2] + "）" : "")));
    });
    panel.appendChild(ul);
    panel.appendChild(el("h4", box.dataset.findings + " (" + node.findings.length + ")"));
    var fl = el("ul");
    if (!node.findings.length) { fl.appendChild(el("li", box.dataset.none)); }
    node.findings.forEach(function (f) {
      var li = el("li", "", "sev-" + f[0]);
      li.appendChild(el("strong", f[1]));
      if (f[2]) { li.appendChild(el("div", f[2], "hint")); }
      fl.appendChild(li);
    });
    panel.appendChild(fl);
    panel.dataset.unit = node.id;
  }

  fetch(box.dataset.src, {credentials: "same-origin"}).then(function (r) { return r.json(); })
    .then(function (data) {
      var list = document.getElementById("unit-names");
      var nodes = data.nodes.map(function (n) {
        byId[n.id] = n;
        var opt = document.createElement("option");
        opt.value = n.label;
        list.appendChild(opt);
        var border = n.weak === "isolated" ? "#c62828" : (n.weak === "fragile" ? "#ef6c00" : n.color);
        return {
          id: n.id, label: n.label, title: n.label + " · " + n.type,
          color: {background: n.color, border: border,
                  highlight: {background: n.color, border: "#000"}},
          borderWidth: n.weak ? 4 : 1, shapeProperties: {borderDashes: n.weak === "fragile" ? [4, 3] : false},
          size: 8 + Math.min(n.n_findings, 6) * 2, shape: "dot",
          font: {size: 12, color: "#1f2933"}
        };
      });
      var edges = data.edges.map(function (e, i) {
        return {id: i, from: e.from, to: e.to, title: e.types,
                width: e.bridge ? 4 : Math.min(1 + e.n * 0.5, 4),
                color: {color: e.bridge ? "#c62828" : "#9aa5b1", opacity: e.bridge ? 1 : 0.6}};
      });
      var big = nodes.length > 600;
      var network = new vis.Network(box, {nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges)}, {
        physics: {solver: "forceAtlas2Based", stabilization: {iterations: big ? 80 : 200},
                  forceAtlas2Based: {gravitationalConstant: -40, springLength: 60}},
        interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, navigationButtons: false},
        edges: {smooth: false}, nodes: {font: {size: big ? 0 : 12}}
      });
      network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); });
      network.on("click", function (p) {
        if (p.nodes.length) { show(byId[p.nodes[0]]); }
      });
      window.partylinksNetwork = network;
      status.textContent = box.dataset.shown.replace("{units}", nodes.length).replace("{pairs}", edges.length);
      function find() {
        var q = document.getElementById("search").value.trim();
        if (!q) { return; }
        var hit = data.nodes.find(function (n) { return n.label === q || n.id === q; }) ||
                  data.nodes.find(function (n) { return n.label.indexOf(q) >= 0; });
        if (!hit) { status.textContent = q + ": " + box.dataset.notFound; return; }
        network.selectNodes([hit.id]);
        network.focus(hit.id, {scale: 1.5, animation: {duration: 400}});
        show(hit);
      }
      document.getElementById("search-button").addEventListener("click", find);
      document.getElementById("search").addEventListener("keydown", function (ev) {
        if (ev.key === "Enter") { ev.preventDefault(); find(); }
      });
      box.dataset.ready = "1";
    });
})();
