// Pagefind's UI on the search page (the index of the page's language is picked by Pagefind).
// On a large site the event pages are indexed in bundles of bounded size (generator/site/search.py):
// one per event year, pagefind-<year>/, and a large year cut into pagefind-<first event id>/. They are
// listed in pagefind/carbonreg-bundles.json and merged into the main index here (Pagefind's
// mergeIndex), so one search covers every page.
// A query arrives as ?q= (the home page's search box, or a link from the other language's search);
// the link to the other language's search carries the query along.
//
// Event names: Pagefind cuts Chinese with jieba when it indexes and with the browser's
// Intl.Segmenter when it searches, and the two disagree (滨江 indexed, 滨 + 江 searched), so typing an
// event's name could find nothing. Each event page also carries its name cut into single Han
// characters and runs of letters or digits (a hidden weighted block, generator/site/search.py
// name_tokens), after a mark word found nowhere else. A query that is an event's whole name, in
// either language, is searched as the exact phrase of the mark and its words (only that event's page
// holds it: English ranking alone put another year's edition first among 3,000 similar names); three
// or more Han characters of one name in a row as the phrase of those characters. Names come from
// data/events-index.json (the events list's index, fetched at the first query that may be a name).
// Any other query goes to Pagefind as typed.
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
  // Keep these ranges equal to _HAN in generator/site/search.py.
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2ffff}";
  var TOKEN = new RegExp("[" + HAN + "]|(?:(?![" + HAN + "])[\\p{L}\\p{N}])+", "gu");
  var ONE_HAN = new RegExp("^[" + HAN + "]$", "u"), HAS_HAN = new RegExp("[" + HAN + "]", "u");
  function words(text) { return (text.normalize("NFKC").toLowerCase().match(TOKEN) || []); }
  var names = [];  // each event name of this page's language as "\u0001word\u0001word\u0001"
  function joined(list) { return "\u0001" + list.join("\u0001") + "\u0001"; }
  // Keep equal to NAME_MARK in generator/site/search.py: the first word of an event page's name block.
  var MARK = "carbonregname";
  // A query that may be a name: one with a Han character, or of three words or more (a year and two).
  function nameLike(q) { return HAS_HAN.test(q) || words(q).length >= 3; }
  function asNamePhrase(term) {
    var w = words(term), han = w.filter(function (x) { return ONE_HAN.test(x); }).length;
    var typed = han ? term : term.normalize("NFKC");  // full-width letters and digits, as a Chinese IME types them
    if (!nameLike(term)) return typed;
    var q = joined(w), part = false;
    for (var i = 0; i < names.length; i++) {
      if (names[i] === q) return '"' + MARK + " " + w.join(" ") + '"';  // a whole name: only its event page
      if (han >= 3 && names[i].indexOf(q) >= 0) part = true;
    }
    return part ? '"' + w.join(" ") + '"' : typed;  // part of a Chinese name: every event page it names
  }
  // The hidden block of name words opens an event page's text: the excerpt shown is the text after
  // it (Pagefind's excerpt around a match there would be those spaced-out characters).
  function esc(text) { return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function dropNameWords(html, nameWords) {
    var plain = html.replace(/<\/?mark>/g, ""), w = nameWords.split(" ");
    for (var k = 0; k < w.length; k++) {
      var tail = w.slice(k).join(" ");
      if (plain.indexOf(tail) === 0) return plain.slice(tail.length).replace(/^[.\s]+/, "");
    }
    return html;
  }
  function tidy(result) {
    var nw = result.meta && result.meta.name_words, text = result.content || "";
    if (!nw) return result;
    delete result.meta.name_words;  // Pagefind's UI would show it as a tag under the result
    if (text.indexOf(nw) === 0) {
      var rest = text.slice(nw.length).replace(/^[.\s]+/, "");
      result.excerpt = esc(rest.length > 120 ? rest.slice(0, 120) + "…" : rest);
    }
    (result.sub_results || []).forEach(function (s) { if (s.excerpt) s.excerpt = dropNameWords(s.excerpt, nw); });
    return result;
  }
  function start(bundles) {
    var ui = new PagefindUI({
      element: "#search", showSubResults: true, showImages: false, resetStyles: false,
      translations: { placeholder: box.dataset.placeholder },
      processTerm: asNamePhrase, processResult: tidy,
      mergeIndex: bundles.map(function (n) { return { bundlePath: new URL(n, root).pathname }; })
    });
    if (!name() && window.MutationObserver) {
      var watch = new MutationObserver(function () { if (name()) watch.disconnect(); });
      watch.observe(box, { childList: true, subtree: true });
    }
    var q = new URLSearchParams(location.search).get("q") || "";
    if (q) { withNames(q).then(function () { ui.triggerSearch(q); }); }
    follow(q);
    // The first query that may be a name fetches the names, then is searched again with them.
    box.addEventListener("input", function (ev) {
      var input = ev.target;
      if (!loading && input && input.classList.contains("pagefind-ui__search-input") && nameLike(input.value)) {
        withNames(input.value).then(function () { if (input.value) ui.triggerSearch(input.value); });
      }
    });
  }
  box.addEventListener("input", function (ev) {
    if (ev.target && ev.target.classList.contains("pagefind-ui__search-input")) {
      follow(ev.target.value);
      try { history.replaceState(null, "", ev.target.value ? "?q=" + encodeURIComponent(ev.target.value) : location.pathname); } catch (e) { /* file:// */ }
    }
  });
  // The names are fetched only for a query that may be a name (a search for one or two words of
  // Latin letters never loads them).
  var lang = document.documentElement.lang === "en" ? "en" : "zh", loading = null;
  function withNames(q) {
    if (!nameLike(q)) return Promise.resolve();
    if (!loading) {
      loading = fetch(new URL("data/events-index.json", root))
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (index) {
          var col = Array.isArray(index.fields) ? index.fields.indexOf(lang) : -1;
          if (col < 0 || !Array.isArray(index.events)) return;
          index.events.forEach(function (row) { if (typeof row[col] === "string") names.push(joined(words(row[col]))); });
        }, function () { /* no names: queries go to Pagefind as typed */ });
    }
    return loading;
  }
  var bundleList = fetch(new URL("carbonreg-bundles.json", main))
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (list) { return Array.isArray(list) ? list.filter(function (n) { return /^pagefind-\d{4}(-[a-z0-9]+)*\/$/.test(n); }) : []; },
          function () { return []; });
  bundleList.then(start);
});
