// Filters, sorting and numbered pages for the event list, over one compact JSON index
// (data/events-index.json: field names once, then one array per event). Every event is reachable
// through every filter; the filter, the sort and the page live in the URL query (?year=2026&page=3),
// so a filtered list can be shared, reloaded and paged with Back/Forward. Only one page of rows is
// ever in the document. Without JavaScript the static pages (events/page/N/) remain.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  var body = document.getElementById("event-rows");
  if (!form || !body || !window.fetch || !window.URLSearchParams) return;
  var count = document.getElementById("event-count"), empty = document.getElementById("event-empty");
  var pager = document.getElementById("event-pager");
  var lang = form.dataset.lang, base = form.dataset.base, PAGE = 50;
  var L = JSON.parse(form.dataset.labels);
  var FILTERS = ["kind", "year", "status", "district"];
  var labels = {};
  form.querySelectorAll("select option").forEach(function (o) { labels[o.parentNode.name + ":" + o.value] = o.textContent; });
  var heads = Array.prototype.map.call(document.querySelectorAll("table.events thead th"), function (th) { return th.textContent; });

  // Decimal string -> rounded to one decimal, half up, with thousands separators (as pages do in Python).
  function tonnes(text) {
    var neg = text.charAt(0) === "-", s = neg ? text.slice(1) : text;
    var parts = s.split("."), whole = parts[0] || "0", frac = (parts[1] || "") + "00";
    var digits = whole + frac.charAt(0), up = frac.charAt(1) >= "5";
    if (up) {
      var arr = digits.split(""), i = arr.length - 1;
      while (i >= 0) { if (arr[i] === "9") { arr[i] = "0"; i--; } else { arr[i] = String(Number(arr[i]) + 1); break; } }
      digits = (i < 0 ? "1" : "") + arr.join("");
    }
    var w = digits.slice(0, -1).replace(/^0+(?=\d)/, ""), f = digits.slice(-1);
    w = w.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var out = w + "." + f;
    return neg && out !== "0.0" ? "-" + out : out;
  }
  function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function pageNumbers(page, pages) {  // mirrors generator/site/pages.py pager_numbers
    var keep = {}, out = [], last = 0;
    [1, 2, page - 1, page, page + 1, pages - 1, pages].forEach(function (n) { if (n >= 1 && n <= pages) keep[n] = true; });
    Object.keys(keep).map(Number).sort(function (a, b) { return a - b; }).forEach(function (n) {
      if (n - last > 1) out.push(null);
      out.push(n); last = n;
    });
    return out;
  }
  function state() {
    var p = new URLSearchParams(location.search), f = {};
    FILTERS.concat(["sort"]).forEach(function (k) { f[k] = p.get(k) || ""; });
    f.page = Math.max(1, parseInt(p.get("page") || "1", 10) || 1);
    return f;
  }
  function query(f, page) {
    var q = new URLSearchParams();
    FILTERS.forEach(function (k) { if (f[k]) q.set(k, f[k]); });
    if (f.sort && f.sort !== "new") q.set("sort", f.sort);
    if (page > 1) q.set("page", String(page));
    var s = q.toString();
    return base + (s ? "?" + s : "");
  }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (index) {
    var F = {};
    index.fields.forEach(function (name, i) { F[name] = i; });
    var events = index.events.map(function (row) {
      return {id: row[F.id], name: row[F[lang]], kind: row[F.kind], start: row[F.start], year: row[F.start].slice(0, 4),
              district: row[F.district], status: row[F.status], level: row[F.level], total: row[F.total]};
    });
    form.hidden = false;

    function row(e) {
      var tr = el("tr");
      function cell(i, text, cls) { var td = el("td", cls, text); td.dataset.label = heads[i]; tr.appendChild(td); return td; }
      var name = cell(0, undefined, "name"), a = el("a", null, e.name);
      a.href = base + encodeURIComponent(e.id) + "/";
      name.appendChild(a);
      cell(1, labels["kind:" + e.kind] || e.kind);
      cell(2, e.start);
      cell(3, labels["district:" + e.district] || e.district);
      cell(4, e.status === "planned" ? "—" : tonnes(e.total), "num");
      var st = cell(5, undefined, "badges");
      st.appendChild(el("span", "badge status-" + e.status, labels["status:" + e.status] || e.status));
      if (e.status !== "revoked") {
        st.appendChild(document.createTextNode(" "));
        st.appendChild(el("span", "badge level-" + e.level, L.levels[e.level] || e.level));
      }
      return tr;
    }

    function render(f) {
      FILTERS.concat(["sort"]).forEach(function (k) { form.elements[k].value = f[k] || (k === "sort" ? "new" : ""); });
      var rows = events.filter(function (e) {
        return (!f.kind || e.kind === f.kind) && (!f.year || e.year === f.year) &&
               (!f.status || e.status === f.status) && (!f.district || e.district === f.district);
      });
      rows.sort(function (a, b) {
        if (f.sort === "big") { var d = Number(b.total) - Number(a.total); if (d) return d; }
        var c = a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        return f.sort === "old" ? c : -c;
      });
      var pages = Math.max(1, Math.ceil(rows.length / PAGE)), page = Math.min(f.page, pages);
      var frag = document.createDocumentFragment();
      rows.slice((page - 1) * PAGE, page * PAGE).forEach(function (e) { frag.appendChild(row(e)); });
      body.textContent = "";
      body.appendChild(frag);
      var filtered = FILTERS.some(function (k) { return f[k]; });
      count.textContent = (filtered ? L.filtered_count.replace("{total}", grouped(events.length)) : L.events_count)
        .replace("{n}", grouped(rows.length)) + " · " + L.page_of.replace("{page}", page).replace("{pages}", pages);
      empty.hidden = rows.length > 0;
      body.parentNode.hidden = rows.length === 0;
      pager.textContent = "";
      function link(n, text, rel) {
        var a = el("a", null, text);
        a.href = query(f, n);
        if (rel) a.rel = rel;
        if (n === page && !rel) a.setAttribute("aria-current", "page");
        a.addEventListener("click", function (ev) { ev.preventDefault(); go(Object.assign({}, f, {page: n}), true); });
        pager.appendChild(a);
      }
      if (page > 1) link(page - 1, L.prev, "prev");
      pageNumbers(page, pages).forEach(function (n) { if (n === null) pager.appendChild(el("span", "gap", "…")); else link(n, String(n)); });
      if (page < pages) link(page + 1, L.next, "next");
      return page;
    }
    function go(f, scroll) {
      var page = render(f);
      try { history.pushState(null, "", query(f, page)); } catch (e) { /* file:// in some browsers */ }
      if (scroll) count.scrollIntoView({block: "start"});
    }
    form.addEventListener("change", function () {
      var f = {page: 1};
      FILTERS.concat(["sort"]).forEach(function (k) { f[k] = form.elements[k].value; });
      go(f, false);
    });
    form.addEventListener("reset", function (ev) { ev.preventDefault(); go({page: 1, sort: "new"}, false); });
    window.addEventListener("popstate", function () { render(state()); });
    // A static page N without a query shows page N of the whole list already; a query is rendered here.
    if (location.search) render(state());
  });
})();
