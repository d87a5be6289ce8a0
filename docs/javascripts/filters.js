// The chronology's filters: without JavaScript they are links to filtered lists; with it,
// a filter on a page of entries shows only the matching entries there, at once.
document$.subscribe(function () {
  var entries = document.querySelectorAll(".gebeurtenis[data-zekerheid]");
  var status = document.querySelector(".filter-status");
  if (!entries.length || !status) return;
  var label = status.querySelector(".filter-tekst");
  function show(facet, value, name) {
    var shown = 0;
    entries.forEach(function (entry) {
      var values = (entry.getAttribute("data-" + facet) || "").split(" ");
      var match = !facet || values.indexOf(value) >= 0;
      entry.hidden = !match;
      if (match) shown += 1;
    });
    status.hidden = !facet;
    if (facet) label.textContent = shown + " van " + entries.length + " op deze pagina: " + name + ".";
  }
  document.querySelectorAll(".filters a.filter").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show(link.getAttribute("data-facet"), link.getAttribute("data-value"), link.textContent);
    });
  });
  status.querySelector(".filter-wis").addEventListener("click", function (event) {
    event.preventDefault();
    show("", "", "");
  });
});
