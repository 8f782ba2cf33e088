(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.row"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[type=checkbox]"));
  var shown = document.getElementById("shown");
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.name + ":" + b.value] = true; } });
    var n = 0;
    rows.forEach(function (r) {
      var visible = !off["table:" + r.dataset.table] && !off["kind:" + r.dataset.kind];
      r.hidden = !visible;
      if (visible) { n += 1; }
    });
    shown.textContent = n + " of " + rows.length + " rows shown";
  }
  // A link can preselect filters: review.html#table=agencies,claims&kind=added
  var want = new URLSearchParams(location.hash.slice(1));
  boxes.forEach(function (b) {
    var v = want.get(b.name);
    if (v !== null) { b.checked = v.split(",").indexOf(b.value) !== -1; }
    b.addEventListener("change", apply);
  });
  apply();
  document.body.dataset.ready = "1";
})();
