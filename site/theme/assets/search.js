// Pagefind's UI on the search page (the index of the page's language is picked by Pagefind).
// The event pages are indexed in one bundle per event year (generator/site/search.py), listed in
// pagefind/carbonreg-bundles.json: they are merged into the main index here (Pagefind's mergeIndex),
// so one search covers every page.
// A query arrives as ?q= (the home page's search box, or a link from the other language's search);
// the link to the other language's search carries the query along.
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("search");
  if (!window.PagefindUI || !box) return;
  var script = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  var main = new URL("./", script ? script.src : window.location.href);  // …/pagefind/
  var root = new URL("../", main);                                         // the site's root
  var other = document.getElementById("other-lang-search");
  function follow(q) {
    if (other) other.href = box.dataset.other + (q ? "?q=" + encodeURIComponent(q) : "");
  }
  // Pagefind's input carries only a placeholder: give it an accessible name (the page's heading).
  function name() {
    var input = box.querySelector("input.pagefind-ui__search-input");
    if (input && !input.getAttribute("aria-label")) input.setAttribute("aria-label", document.querySelector("h1").textContent);
    return input;
  }
  function start(bundles) {
    var ui = new PagefindUI({
      element: "#search", showSubResults: true, showImages: false, resetStyles: false,
      translations: { placeholder: box.dataset.placeholder },
      mergeIndex: bundles.map(function (n) { return { bundlePath: new URL(n, root).pathname }; })
    });
    if (!name() && window.MutationObserver) {
      var watch = new MutationObserver(function () { if (name()) watch.disconnect(); });
      watch.observe(box, { childList: true, subtree: true });
    }
    var q = new URLSearchParams(location.search).get("q") || "";
    if (q) { ui.triggerSearch(q); }
    follow(q);
  }
  box.addEventListener("input", function (ev) {
    if (ev.target && ev.target.classList.contains("pagefind-ui__search-input")) {
      follow(ev.target.value);
      try { history.replaceState(null, "", ev.target.value ? "?q=" + encodeURIComponent(ev.target.value) : location.pathname); } catch (e) { /* file:// */ }
    }
  });
  fetch(new URL("carbonreg-bundles.json", main))
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (names) { start(Array.isArray(names) ? names.filter(function (n) { return /^pagefind-\d{4}\/$/.test(n); }) : []); },
          function () { start([]); });
});
