/* Keeps a phone in the room when its laptop dies (issue 25.8).
   A heartbeat to /api/ping; after two misses it probes the other laptops the
   snapshot names ("servers") and opens /j/<code>/move?t=<move token> on the first
   that answers: that page sets this phone's cookie there and goes on to the join
   page. The answers it sent lately travel in the URL fragment, which no server
   ever sees; the join page sends them again, all at once (their client ids make a
   repeat a no-op). Nobody answering, it tries again later and later. */
(function () {
  "use strict";
  var body = document.body;
  var code = body.getAttribute("data-code");
  if (!code || !window.fetch || !window.JSON || !window.history) { return; }
  var lang = body.getAttribute("data-lang") || "de";
  var S = JSON.parse(body.getAttribute("data-strings") || "{}");
  var q = "code=" + encodeURIComponent(code) + "&lang=" + encodeURIComponent(lang);
  var KEEP_MS = 15 * 60 * 1000, KEEP_MAX = 30, BEAT_MS = 1000, PROBE_MS = 1500;
  var here = location.protocol + "//" + location.host;
  var servers = [], token = "", misses = 0, moving = false, beating = false;
  /* after a move that found nobody: the next one waits longer (a busy room must not
     keep knocking at a dead laptop) */
  var BACKOFF_MIN_MS = 2000, BACKOFF_MAX_MS = 30000, backoff = BACKOFF_MIN_MS, notBefore = 0;
  var allowed = null;  /* the laptops this page's CSP lets it reach (those known at load) */
  var journal = load();
  var realFetch = window.fetch.bind(window);

  function load() {
    try { return JSON.parse(sessionStorage.getItem("facilitator-journal") || "[]"); }
    catch (e) { return []; }
  }
  function save() {
    var now = Date.now();
    journal = journal.filter(function (j) { return now - j.at < KEEP_MS; }).slice(-KEEP_MAX);
    try { sessionStorage.setItem("facilitator-journal", JSON.stringify(journal)); } catch (e) { /* private mode */ }
  }
  function say(text) {
    var n = document.getElementById("notice");
    if (n && text) { n.textContent = text; n.className = "notice"; n.hidden = false; }
  }
  function timed(url, options, ms) {
    var ctl = window.AbortController ? new AbortController() : null;
    if (ctl) { options.signal = ctl.signal; setTimeout(function () { ctl.abort(); }, ms); }
    return realFetch(url, options);
  }

  /* Every answer a page script posts is kept (a while) until it is refused for good:
     the laptop may die before the other one has it. Registrations stay out (names). */
  window.fetch = function (url, options) {
    var path = typeof url === "string" ? url : "";
    var post = options && options.method === "POST" && path.indexOf("/api/") === 0 &&
      path.indexOf("/api/register") !== 0 && path.indexOf("/api/adopt") !== 0;
    if (!post) { return realFetch(url, options); }
    var entry = { path: path, body: String(options.body || ""), at: Date.now() };
    journal.push(entry); save();
    return realFetch(url, options).then(function (r) {
      if (r.status >= 400 && r.status < 500) {  /* refused: sending it again would be too */
        journal = journal.filter(function (j) { return j !== entry; }); save();
      }
      return r;
    }, function (err) { beat(); throw err; });
  };

  function learn(list) {
    if (!list || !list.length) { return; }
    servers = list.filter(function (u) { return typeof u === "string"; });
    if (allowed === null) { allowed = servers.slice(); return; }
    /* a laptop that started serving after this page loaded: the page's policy does not
       let it probe that one, so it loads itself again (once nobody is typing) */
    if (servers.some(function (u) { return u !== here && allowed.indexOf(u) < 0; })) { reloadWhenIdle(); }
  }
  var reloading = false;
  function reloadWhenIdle() {
    if (reloading) { return; }
    reloading = true;
    var wait = setInterval(function () {
      var active = document.activeElement, typed = false;
      Array.prototype.forEach.call(document.querySelectorAll("textarea"), function (f) {
        typed = typed || !!f.value;
      });
      var busy = active && (active.tagName === "TEXTAREA" || active.tagName === "INPUT");
      if (!busy && !typed && !moving) { clearInterval(wait); location.reload(); }
    }, 1000);
  }
  document.addEventListener("facilitator:snapshot", function (e) { learn(e.detail && e.detail.servers); });

  function identity() {
    return realFetch("/api/identity?" + q, { cache: "no-store" }).then(function (r) {
      return r.ok ? r.json() : {};
    }).then(function (d) { if (d.move) { token = d.move; } }, function () {});
  }

  /* A busy laptop (or a busy phone) answers slowly, not never: the heartbeat waits four
     times its recent round trip (1.5 s at least, 6 s at most) before it counts silence.
     A dead laptop refuses at once or stays silent however long one waits. */
  var rtt = 0;
  function patience() { return Math.min(6000, Math.max(PROBE_MS, 4 * rtt)); }
  function beat() {
    if (moving || beating) { return; }  /* one heartbeat at a time, however slow */
    beating = true;
    var wait = patience();
    var sent = Date.now();
    /* any answer, even a 429 or 500, means the laptop lives: only silence counts */
    timed("/api/ping", { cache: "no-store" }, wait).then(function () {
      rtt = rtt ? 0.8 * rtt + 0.2 * (Date.now() - sent) : Date.now() - sent;
      misses = 0; backoff = BACKOFF_MIN_MS; notBefore = 0;  /* a false alarm is forgotten */
    }, function () { misses += 1; }).then(function () {
      beating = false;
      if (misses >= 2) { move(); } else if (misses === 1) { setTimeout(beat, 300); }
    });
  }

  function move() {
    var others = servers.filter(function (u) { return u !== here; });
    if (!others.length || moving || Date.now() < notBefore) { return; }
    moving = true;
    say(S.moving);
    /* the first other laptop that serves this workshop (a 204 for our code) */
    var tries = others.map(function (base) {
      return timed(base + "/api/ping?" + q, { cache: "no-store" }, patience())
        .then(function (r) { if (r.status !== 204) { throw new Error(String(r.status)); } return base; });
    });
    any(tries).then(function (base) {
      var carry = encodeURIComponent(JSON.stringify({ j: journal }));
      location.replace(base + "/j/" + encodeURIComponent(code) + "/move?t=" +
        encodeURIComponent(token) + "&lang=" + encodeURIComponent(lang) + "#move=" + carry);
    }, function () {  /* nobody there: keep beating, and look again only later */
      moving = false; misses = 0;
      notBefore = Date.now() + backoff * (0.75 + Math.random() / 2);
      backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    });
  }
  function any(promises) {
    return new Promise(function (ok, fail) {
      var left = promises.length;
      promises.forEach(function (p) {
        p.then(ok, function () { left -= 1; if (!left) { fail(); } });
      });
    });
  }

  /* Again until the laptop takes it: a 429 (phones behind one address) or a network
     hiccup waits and retries; any other answer is final. Resolves to the status (0: none). */
  function resend(entry, headers, tries) {
    function later(status) {
      if (tries <= 1) { return status; }
      return new Promise(function (ok) { setTimeout(ok, 1100); })
        .then(function () { return resend(entry, headers, tries - 1); });
    }
    return realFetch(entry.path, { method: "POST", headers: headers, body: entry.body })
      .then(function (r) { return r.status === 429 ? later(429) : r.status; },
        function () { return later(0); });
  }

  /* Arrived from the other laptop (its move page set our cookie): send what the first
     one may not have passed on, all at once; the page was drawn for this phone already.
     Only a resent vote or activity answer changes what it shows: then it loads once more. */
  function arrive() {
    var hash = location.hash;
    if (hash.indexOf("#move=") !== 0) { return Promise.resolve(); }
    history.replaceState(null, "", location.pathname + location.search);
    var carried;
    try { carried = JSON.parse(decodeURIComponent(hash.slice(6))); } catch (e) { return Promise.resolve(); }
    var headers = { "Content-Type": "application/json" };
    var sent = ((carried && carried.j) || []).filter(function (j) {
      return j && typeof j.path === "string" && j.path.indexOf("/api/") === 0 &&
        j.path.indexOf("/api/adopt") !== 0 && typeof j.body === "string";
    });
    journal = sent; save();
    return Promise.all(sent.map(function (j) { return resend(j, headers, 6); })).then(function () {
      var mine = sent.some(function (j) { return j.path.indexOf("/api/submit") !== 0; });
      if (!mine) { say(S.moved); return; }
      try { sessionStorage.setItem("facilitator-moved", "1"); } catch (e) { /* ignore */ }
      location.reload();
      return new Promise(function () {});  /* the page is going: start nothing more */
    });
  }

  arrive().then(function () {
    try {
      if (sessionStorage.getItem("facilitator-moved")) {
        sessionStorage.removeItem("facilitator-moved");
        say(S.moved);
      }
    } catch (e) { /* ignore */ }
    identity();  /* the laptops' addresses come with the live snapshots (learn) */
    setInterval(identity, 10 * 60 * 1000);  /* a move token holds for two hours at most */
    setInterval(beat, BEAT_MS);
  });
})();
