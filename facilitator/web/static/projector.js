/* The projector page, live: each new version of the stage from the server replaces
   the old one (no reload), and the block timer ticks down between versions. */
(function () {
  "use strict";
  var body = document.body;
  var offset = Number(body.getAttribute("data-server-ms")) - Date.now();
  var stage = document.getElementById("stage");

  function tick() {
    var t = document.getElementById("timer");
    if (!t) { return; }
    var ends = t.getAttribute("data-ends-at");
    if (!ends || t.getAttribute("data-running") !== "1") { return; }
    var left = Number(ends) - (Date.now() + offset);
    var s = Math.floor(Math.abs(left) / 1000);
    t.textContent = (left < 0 ? "\u2212" : "") + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  function connect() {
    if (!window.EventSource) { setTimeout(function () { location.reload(); }, 5000); return; }
    var source = new EventSource(body.getAttribute("data-events"));
    source.onmessage = function (e) {
      var data = JSON.parse(e.data);
      offset = data.server_ms - Date.now();
      stage.innerHTML = data.html;  /* rendered and escaped on the server */
      body.setAttribute("data-updated", String(Date.now()));
      tick();
    };
  }
  setInterval(tick, 500);
  connect();
})();
