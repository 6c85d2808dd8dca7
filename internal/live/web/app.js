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
  var counter = document.querySelector("output.counter");
  document.addEventListener("input", function (e) {
    typing = true;
    if (counter && e.target.tagName === "TEXTAREA") { // characters as the server counts them (code points)
      counter.textContent = Array.from(e.target.value).length + " / " + counter.getAttribute("data-limit");
    }
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
