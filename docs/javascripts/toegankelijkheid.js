// Accessibility touches Material leaves open; rerun on every page (instant navigation too).
document$.subscribe(function () {
  // The search dialog needs a name for screen readers.
  var search = document.querySelector(".md-search");
  if (search) search.setAttribute("aria-label", "Zoeken");
  // Wide tables scroll inside a wrapper: make it reachable and named for keyboard users.
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Tabel, horizontaal te scrollen");
  });
});
