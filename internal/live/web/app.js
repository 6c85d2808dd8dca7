// Optional: the page works without this. It reloads when the presenter
// moves on, unless the participant is typing.
(function () {
  var version = document.body.getAttribute("data-version");
  var typing = false;
  document.addEventListener("input", function () { typing = true; });
  function poll() {
    fetch("/state", { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && String(s.version) !== version && !typing) { location.replace("/"); }
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 1500); });
  }
  setTimeout(poll, 1500);
})();
