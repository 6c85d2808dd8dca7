// Optional: the page works without this. It reloads when the presenter
// moves on (or the results or the Q&A change), unless the participant has
// touched the form (typed, ticked, chosen) or sent it: a reload must never
// replace the page while an answer is on its way, or the answer and its
// thanks are lost. It counts a countdown down from the time the server gave.
(function () {
  var version = document.body.getAttribute("data-version");
  var typing = false, sending = false, changes = null, left = null;
  var timer = document.querySelector("[data-remaining]");
  var clock = document.getElementById("clock");
  if (timer) { left = Number(timer.getAttribute("data-remaining")); }
  // A box with data-limit holds at most that many characters as the server
  // counts and stores them: code points (an emoji is one, not the two
  // UTF-16 units maxlength counts). What goes over is cut from what was
  // just typed or pasted, before the caret; the counter after the box
  // says how many there are.
  // While an input method composes (CJK, some phone keyboards) the text
  // is left alone and only counted; it is cut once composed.
  function clip(box, composing) {
    var limit = Number(box.getAttribute("data-limit"));
    var over = Array.from(box.value).length - limit;
    if (over > 0 && !composing) {
      var end = box.selectionEnd === null ? box.value.length : box.selectionEnd;
      var head = Array.from(box.value.slice(0, end));
      head = head.slice(0, Math.max(0, head.length - over)).join("");
      box.value = Array.from(head + box.value.slice(end)).slice(0, limit).join("");
      box.setSelectionRange(head.length, head.length);
    }
    var counter = box.nextElementSibling;
    if (counter && counter.classList.contains("counter")) {
      counter.textContent = Array.from(box.value).length + " / " + limit;
    }
  }
  document.addEventListener("input", function (e) {
    typing = true;
    if (e.target.hasAttribute && e.target.hasAttribute("data-limit")) { clip(e.target, e.isComposing); }
  });
  document.addEventListener("compositionend", function (e) {
    if (e.target.hasAttribute && e.target.hasAttribute("data-limit")) { clip(e.target, false); }
  });
  // A ranking gives each item its own place: choosing a place another item
  // has gives that item the chosen item's old place (or none), so the
  // form never holds one place twice (the server would refuse it on Send).
  function place(row) {
    var on = row.querySelector("input[type=radio]:checked");
    return on ? on.value : null;
  }
  document.querySelectorAll("form[data-places] fieldset.row").forEach(function (row) {
    row.setAttribute("data-was", place(row) || "");
  });
  document.addEventListener("change", function (e) {
    var row = e.target.closest && e.target.closest("form[data-places] fieldset.row");
    if (!row || e.target.type !== "radio") { return; }
    var was = row.getAttribute("data-was");
    row.closest("form").querySelectorAll("fieldset.row").forEach(function (other) {
      if (other === row || place(other) !== e.target.value) { return; }
      var back = was && other.querySelector("input[type=radio][value=\"" + was + "\"]");
      if (back) { back.checked = true; } else { other.querySelector("input[type=radio]:checked").checked = false; }
      other.setAttribute("data-was", place(other) || "");
    });
    row.setAttribute("data-was", e.target.value);
  });
  function touched() { typing = true; }
  document.addEventListener("change", touched); // a radio or box ticked where "input" is not sent
  document.addEventListener("pointerdown", function (e) { if (e.target.closest && e.target.closest("form")) { touched(); } });
  document.addEventListener("submit", function () { sending = true; }, true);
  function show() {
    if (left === null || !clock) { return; }
    var s = Math.max(0, Math.ceil(left));
    clock.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  setInterval(function () { if (left !== null) { left -= 1; show(); } }, 1000);
  function poll() {
    fetch("/state", { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return; }
        if (changes === null) { changes = s.changes; }
        if ((String(s.version) !== version || s.changes !== changes) && !typing && !sending) { location.replace("/"); return; }
        if (timer) { left = s.remaining; show(); }
      })
      .catch(function () {})
      .then(function () { if (!sending) { setTimeout(poll, 1500); } });
  }
  setTimeout(poll, 1500);
})();
