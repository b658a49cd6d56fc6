// Filter a table's rows as you type (case- and tone-insensitive) and carry the
// filter into its CSV link, so the export holds what the table shows.
(function () {
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  document.querySelectorAll("input.filter[data-table]").forEach(function (input) {
    var table = document.getElementById(input.dataset.table);
    var csv = input.parentNode.querySelector("a.csv");
    if (!table) return;
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var text = fold(tr.textContent);
        tr.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      if (csv) {
        var base = csv.dataset.base;
        csv.href = input.value ? base + (base.endsWith("?") ? "" : "&") + "q=" + encodeURIComponent(input.value) : base;
      }
    });
  });
})();
