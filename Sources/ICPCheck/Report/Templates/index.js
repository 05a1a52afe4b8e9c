// Filters the applications by verdict, finding code and name, and sorts them by a column. The
// filter lives in the address's fragment (#verdict=not_ready&code=doc.seal_missing), so a filtered
// view can be bookmarked or sent; it works from file:// with nothing fetched.
(function () {
  var table = document.getElementById("applications");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var verdict = document.getElementById("verdict");
  var code = document.getElementById("code");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");

  function apply() {
    var wanted = { verdict: verdict.value, code: code.value, q: search.value.trim().toLowerCase() };
    var count = 0;
    rows.forEach(function (row) {
      var visible = (!wanted.verdict || row.dataset.verdict === wanted.verdict)
        && (!wanted.code || (" " + row.dataset.codes + " ").indexOf(" " + wanted.code + " ") >= 0)
        && (!wanted.q || row.cells[0].textContent.toLowerCase().indexOf(wanted.q) >= 0);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = "显示 " + count + " / " + rows.length + " shown";
    var parts = [];
    ["verdict", "code", "q"].forEach(function (key) { if (wanted[key]) parts.push(key + "=" + encodeURIComponent(wanted[key])); });
    var fragment = parts.length ? "#" + parts.join("&") : "";
    if (location.hash !== fragment) history.replaceState(null, "", fragment || location.pathname + location.search);
  }

  function readFragment() {
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var pair = part.split("=");
      var value = decodeURIComponent(pair[1] || "");
      if (pair[0] === "verdict") verdict.value = value;
      if (pair[0] === "code") code.value = value;
      if (pair[0] === "q") search.value = value;
    });
  }

  function sortBy(header) {
    var column = header.cellIndex;
    var numeric = header.dataset.sort === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(header.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var key = function (row) {
      var cell = row.cells[column];
      var text = cell.dataset.value || cell.textContent.trim();
      return numeric ? parseFloat(text) || 0 : text;
    };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = numeric ? x - y : x.localeCompare(y, "zh-CN");
      return ascending ? order : -order;
    });
    var body = table.tBodies[0];
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
    if (header.dataset.sort) header.addEventListener("click", function () { sortBy(header); });
  });
  [verdict, code].forEach(function (control) { control.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  window.addEventListener("hashchange", function () { readFragment(); apply(); });
  readFragment();
  apply();
})();
