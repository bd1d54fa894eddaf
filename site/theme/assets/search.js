// Start Pagefind's UI on the search page; the index for the page's language is picked by Pagefind.
// The event pages are indexed in one bundle per event year (generator/site/search.py), listed in
// pagefind/carbonreg-bundles.json: they are merged into the main index here (Pagefind's mergeIndex),
// so one search covers every page.
window.addEventListener("DOMContentLoaded", function () {
  if (!window.PagefindUI) return;
  var script = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  var main = new URL("./", script ? script.src : window.location.href);  // …/pagefind/
  var root = new URL("../", main);                                         // the site's root
  function start(bundles) {
    new PagefindUI({
      element: "#search", showSubResults: true, showImages: false,
      mergeIndex: bundles.map(function (name) { return { bundlePath: new URL(name, root).pathname }; })
    });
  }
  fetch(new URL("carbonreg-bundles.json", main))
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (names) { start(Array.isArray(names) ? names.filter(function (n) { return /^pagefind-\d{4}\/$/.test(n); }) : []); },
          function () { start([]); });
});
