// Start Pagefind's UI on the search page; the index for the page's language is picked by Pagefind.
window.addEventListener("DOMContentLoaded", function () {
  if (window.PagefindUI) new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
});
