(function () {
  // Never writes HTML: textContent, hidden, dataset and classList only (see flows/review.py).
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.row"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[type=checkbox]"));
  var shown = document.getElementById("shown");
  var download = document.getElementById("download");
  var nDecided = document.getElementById("n-decided");
  var current = -1;

  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.name + ":" + b.value] = true; } });
    var n = 0;
    rows.forEach(function (r) {
      var visible = !off["table:" + r.dataset.table] && !off["kind:" + r.dataset.kind] &&
        !off["decision:" + (r.dataset.decision || "undecided")];
      r.hidden = !visible;
      if (visible) { n += 1; }
    });
    shown.textContent = n + " of " + rows.length + " rows shown";
  }

  function count() {
    var n = rows.filter(function (r) { return r.dataset.decision; }).length;
    nDecided.textContent = String(n);
    download.disabled = n === 0;
  }

  function decide(row, d) {
    if (!row || !row.dataset.row) { return; }  // removed rows are not in the latest run
    if (d && row.dataset.decision !== d) { row.dataset.decision = d; } else { delete row.dataset.decision; }
    count();
  }

  // Rows a reviewer can reach with j/k: shown, and not inside a folded group.
  function reachable() {
    return rows.filter(function (r) {
      if (r.hidden) { return false; }
      for (var p = r.parentElement; p; p = p.parentElement) {
        if (p.tagName === "DETAILS" && !p.open) { return false; }
      }
      return true;
    });
  }

  function move(step) {
    var list = reachable();
    if (!list.length) { return; }
    var at = list.indexOf(rows[current]);
    var next = list[Math.min(Math.max(at + step, 0), list.length - 1)];
    if (at === -1) { next = list[step > 0 ? 0 : list.length - 1]; }
    if (rows[current]) { rows[current].classList.remove("current"); }
    current = rows.indexOf(next);
    next.classList.add("current");
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "nearest" });
  }

  function toggleGroup() {
    var row = rows[current];
    var group = row ? row.closest("details") : document.querySelector("details.mentions");
    if (group) { group.open = !group.open; }
  }

  var KEYS = {
    j: function () { move(1); },
    k: function () { move(-1); },
    a: function () { decide(rows[current], "accept"); },
    r: function () { decide(rows[current], "reject"); },
    u: function () { decide(rows[current], null); },
    o: toggleGroup
  };
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) { return; }
    var f = KEYS[e.key];
    if (f) { e.preventDefault(); f(); }
  });
  rows.forEach(function (r, i) {
    r.addEventListener("click", function (e) {
      var d = e.target.dataset && e.target.dataset.d;
      if (d) { decide(r, d); }
      if (rows[current]) { rows[current].classList.remove("current"); }
      current = i;
      r.classList.add("current");
    });
  });

  // The decisions as the lines of reviews/decisions.jsonl (flows/decisions.py:Decision).
  function decisionsFile() {
    var reviewer = document.getElementById("reviewer").value.trim() || null;
    var at = new Date().toISOString().replace(/\.\d+Z$/, "+00:00");
    return rows.filter(function (r) { return r.dataset.decision; }).map(function (r) {
      var d = JSON.parse(r.dataset.row);
      d.decision = r.dataset.decision;
      d.reviewer = reviewer;
      d.at = at;
      return JSON.stringify(d);
    }).join("\n") + "\n";
  }
  download.addEventListener("click", function () {
    var blob = new Blob([decisionsFile()], { type: "application/x-ndjson" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "decisions.jsonl";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  // A link can preselect filters: review.html#table=agencies,claims&kind=added
  var want = new URLSearchParams(location.hash.slice(1));
  boxes.forEach(function (b) {
    var v = want.get(b.name);
    if (v !== null) { b.checked = v.split(",").indexOf(b.value) !== -1; }
    b.addEventListener("change", apply);
  });
  apply();
  count();
  // Milliseconds from navigation to interactive (the review page benchmark reads it).
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "1";
})();
