// Filters and sorting for the event list, over a compact JSON index (works with 10,000 events:
// only one page of rows is ever in the document). Without JavaScript the static pages remain.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  var body = document.getElementById("event-rows");
  if (!form || !body || !window.fetch) return;
  var lang = form.dataset.lang, base = form.dataset.base, PAGE = 50;
  var labels = {};
  form.querySelectorAll("select option").forEach(function (o) { labels[o.parentNode.name + ":" + o.value] = o.textContent; });
  var params = new URLSearchParams(location.search);
  form.querySelectorAll("select").forEach(function (s) { if (params.get(s.name)) s.value = params.get(s.name); });
  fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (index) {
    form.hidden = false;
    function cell(text) { var td = document.createElement("td"); td.textContent = text; return td; }
    function badge(cls, text) { var s = document.createElement("span"); s.className = "badge " + cls; s.textContent = text; return s; }
    function render() {
      var f = {}; new FormData(form).forEach(function (v, k) { f[k] = v; });
      var rows = index.filter(function (e) {
        return (!f.kind || e.kind === f.kind) && (!f.year || String(e.year) === f.year) &&
               (!f.status || e.status === f.status) && (!f.district || e.district === f.district);
      });
      rows.sort(function (a, b) {
        if (f.sort === "big") return Number(b.total) - Number(a.total);
        var c = a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
        return f.sort === "old" ? c : -c;
      });
      body.textContent = "";
      rows.slice(0, PAGE).forEach(function (e) {
        var tr = document.createElement("tr");
        var td = document.createElement("td"), a = document.createElement("a");
        a.href = base + encodeURIComponent(e.id) + "/"; a.textContent = e[lang];
        td.appendChild(a); tr.appendChild(td);
        tr.appendChild(cell(labels["kind:" + e.kind] || e.kind));
        tr.appendChild(cell(e.start));
        tr.appendChild(cell(labels["district:" + e.district] || e.district));
        var n = cell(Number(e.total).toLocaleString(lang === "zh" ? "zh-CN" : "en", {maximumFractionDigits: 3})); n.className = "num"; tr.appendChild(n);
        var st = document.createElement("td");
        st.appendChild(badge("status-" + e.status, labels["status:" + e.status] || e.status));
        tr.appendChild(st);
        body.appendChild(tr);
      });
      var q = new URLSearchParams(f); history.replaceState(null, "", "?" + q.toString());
    }
    form.addEventListener("change", render);
    if (location.search) render();
  });
})();
