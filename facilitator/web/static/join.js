/* Enhances the join page: live updates (SSE with reconnect, polling fallback),
   a ticking countdown, and sending contributions and dots without a reload.
   Everything people typed is set with textContent, never as HTML. */
(function () {
  "use strict";
  var body = document.body;
  var code = body.getAttribute("data-code");
  if (!code || !window.fetch || !window.JSON) { return; }
  var lang = body.getAttribute("data-lang") || "de";
  var S = JSON.parse(body.getAttribute("data-strings") || "{}");
  var q = "code=" + encodeURIComponent(code) + "&lang=" + encodeURIComponent(lang);
  var version = Number(body.getAttribute("data-version")) || 0;
  var offset = 0;          /* server clock minus this phone's clock */
  var current = null;
  var contentLang = "de";  /* the workshop's own language: titles are written in it */
  var snapshotSeen = false;

  function $(id) { return document.getElementById(id); }
  function fmt(key, values) {
    return (S[key] || key).replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }
  function make(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function uuid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);  /* works on plain http, unlike randomUUID */
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function notice(text, isError) {
    var n = $("notice");
    n.textContent = text;
    n.className = isError ? "notice error" : "notice";
    n.hidden = !text;
    if (text) { n.scrollIntoView({ block: "center" }); }
  }
  function status(text) { $("status").textContent = text; }

  /* -- countdown ------------------------------------------------------- */
  function tick() {
    var c = current, out = $("countdown");
    if (!c || !out) { return; }
    var rem = c.ends_at_ms !== null ? c.ends_at_ms - (Date.now() + offset) : c.remaining_ms;
    var text;
    if (rem <= 0) {
      var over = Math.floor(-rem / 60000);
      text = over ? fmt("time_over", { minutes: over }) : S.time_up;
    } else {
      text = fmt("time_left", { minutes: Math.ceil(rem / 60000) });
      if (!c.running) { text += " (" + S.paused + ")"; }
    }
    out.textContent = text;
    /* The same thresholds as the moderators' big timer: 20 % and 5 % left. */
    var left = c.planned_ms > 0 ? rem / c.planned_ms : 0;
    var level = rem <= 0 ? "over" : left <= 0.05 ? "critical" : left <= 0.2 ? "warn" : "ok";
    $("now").className = "now level-" + level;
  }

  /* -- drawing a snapshot ---------------------------------------------- */
  function drawNow(c) {
    var section = $("now");
    section.className = "now" + (c ? " level-" + c.level : "");
    var title = $("now-title");
    title.textContent = c ? c.title : S.nothing_running;
    /* a title is in the moderators' language, "nothing running" in the phone's */
    title.lang = c ? contentLang : document.documentElement.lang;
    $("now-time").hidden = !c;
    var box = $("instructions");
    box.textContent = "";
    box.hidden = !(c && c.instructions);
    if (!c) { return; }
    $("now-slot").textContent = c.start + "–" + c.end;
    if (c.instructions) {
      box.appendChild(make("h3", "", S.instructions + ": " + c.method));
      c.instructions.split("\n\n").forEach(function (p) {
        if (p.trim()) { box.appendChild(make("p", "", p.trim())); }
      });
    }
  }
  function drawAgenda(items) {
    var list = $("agenda-list");
    list.textContent = "";
    items.forEach(function (it) {
      var li = make("li", "state-" + (it.state || "open") + " kind-" + it.kind);
      if (it.state === "running" || it.state === "paused") { li.setAttribute("aria-current", "step"); }
      li.appendChild(make("span", "slot", it.start));
      li.appendChild(document.createTextNode(" "));
      var name = make("span", "item-title", it.title);
      name.lang = contentLang;
      li.appendChild(name);
      if (it.state) { li.appendChild(make("span", "badge", S[it.state])); }
      list.appendChild(li);
    });
  }
  function drawCollect(c) {
    var open = !!(c && c.collection_open);
    $("collect").hidden = !open;
    if (!c) { return; }
    $("collect-intro").textContent = fmt("collect_intro", { title: c.title });
    var form = $("collect-form");
    form.elements.item.value = c.id;
    var box = $("kinds");
    var keys = c.kinds.map(function (k) { return k.key; }).join(",");
    if (box.getAttribute("data-keys") === keys) { return; }
    box.setAttribute("data-keys", keys);
    box.textContent = "";
    c.kinds.forEach(function (k, i) {
      var label = make("label", "choice");
      var input = make("input");
      input.type = "radio"; input.name = "kind"; input.value = k.key; input.checked = i === 0;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" "));
      label.appendChild(make("span", "", k.label));
      box.appendChild(label);
    });
  }
  function dotsUsed() {
    var used = 0;
    Array.prototype.forEach.call(document.querySelectorAll("#ballot input"), function (i) {
      used += Number(i.value) || 0;
    });
    return used;
  }
  function drawLeft() {
    var c = current;
    if (!c) { return; }
    $("dots-left").textContent = fmt("dots_left", { left: Math.max(0, c.budget - dotsUsed()), budget: c.budget });
  }
  function stepper(input) {
    if (input.parentNode.className === "stepper") { return; }
    var wrap = make("div", "stepper");
    var minus = make("button", "", "−"), plus = make("button", "", "+");
    minus.type = plus.type = "button";
    minus.setAttribute("aria-label", S.less); plus.setAttribute("aria-label", S.more);
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(minus); wrap.appendChild(input); wrap.appendChild(plus);
    function change(d) {
      var v = (Number(input.value) || 0) + d;
      var max = Number(input.max) || 0;
      if (v < 0 || v > max || (d > 0 && current && dotsUsed() >= current.budget)) { return; }
      input.value = v; drawLeft();
    }
    minus.addEventListener("click", function () { change(-1); });
    plus.addEventListener("click", function () { change(1); });
    input.addEventListener("input", drawLeft);
  }
  /* The ballot comes from /api/ballot, page by page, and only when its key changes. */
  var ballotKey = $("ballot").getAttribute("data-ballot") || "";
  var ballotLoading = "";
  var mine = JSON.parse($("ballot").getAttribute("data-mine") || "{}");
  function drawBallot(c, entries) {
    var list = $("ballot"), old = {};
    /* Dots placed on entries the server-drawn page did not show count too. */
    Object.keys(mine).forEach(function (id) { old["dots." + id] = mine[id]; });
    mine = {};
    $("ballot-pages").hidden = true;
    Array.prototype.forEach.call(list.querySelectorAll("input"), function (i) { old[i.name] = i.value; });
    list.textContent = "";
    entries.forEach(function (b) {
      var li = make("li"), label = make("label");
      label.htmlFor = "d-" + b.id;
      label.appendChild(make("span", "kind", b.kind));
      label.appendChild(document.createTextNode(" " + b.text));
      var input = make("input");
      input.type = "number"; input.id = "d-" + b.id; input.name = "dots." + b.id;
      input.min = 0; input.max = c.per_item_max; input.inputMode = "numeric";
      input.value = Math.min(Number(old[input.name]) || 0, c.per_item_max);
      input.setAttribute("aria-label", fmt("dots_for", { text: b.text.slice(0, 60) }));
      li.appendChild(label); li.appendChild(input); list.appendChild(li);
      stepper(input);
    });
    $("no-ballot").hidden = entries.length > 0;
    drawLeft();
  }
  function loadBallot(c) {
    var key = c.ballot_key, entries = [];
    ballotLoading = key;
    function page(offset, left) {
      return fetch("/api/ballot?" + q + "&offset=" + offset, { cache: "no-store" }).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      }).then(function (data) {
        entries = entries.concat(data.entries);
        if (data.next !== null && left > 0) { return page(data.next, left - 1); }
        return data;
      });
    }
    page(0, 20).then(function (data) {
      if (ballotLoading !== key) { return; }
      ballotLoading = "";
      ballotKey = data.key;
      if (current && current.voting_open) { drawBallot(current, entries); }
    }, function () { ballotLoading = ""; });
  }
  function drawVote(c) {
    var open = !!(c && c.voting_open);
    $("vote").hidden = !open;
    if (!open) { return; }
    $("vote-intro").textContent = fmt("vote_intro", { budget: c.budget, max: c.per_item_max });
    $("vote-form").elements.item.value = c.id;
    if (c.ballot_key !== ballotKey && c.ballot_key !== ballotLoading) { loadBallot(c); }
    $("no-ballot").hidden = c.ballot_size > 0;
    drawLeft();
  }
  function drawResults(c) {
    var shown = !!(c && c.results_revealed);
    $("results").hidden = !shown;
    var list = $("result-list");
    list.textContent = "";
    (shown ? c.results : []).forEach(function (r) {
      var li = make("li");
      li.appendChild(make("span", "dots", r.dots === 1 ? S.dot_one : fmt("dots", { dots: r.dots })));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(make("span", "result-text", r.text));
      list.appendChild(li);
    });
  }
  function draw(snap) {
    if (snapshotSeen && snap.version < version) { return; }
    snapshotSeen = true;
    version = snap.version;
    body.setAttribute("data-version", String(version));
    offset = snap.server_ms - Date.now();
    current = snap.current;
    contentLang = (snap.workshop && snap.workshop.content_lang) || contentLang;
    drawNow(current); drawAgenda(snap.agenda); drawCollect(current); drawVote(current);
    drawResults(current); tick();
    /* activity.js (and anything else) hears of every snapshot */
    document.dispatchEvent(new CustomEvent("facilitator:snapshot", { detail: snap }));
  }

  /* -- live updates: SSE, else polling --------------------------------- */
  var source = null, failures = 0, pollTimer = null;
  function poll() {
    fetch("/api/state?" + q, { cache: "no-store" }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (snap) { draw(snap); status(S.polling); })
      .catch(function () { status(S.offline); });
  }
  function startPolling() {
    if (pollTimer) { return; }
    poll();
    pollTimer = setInterval(poll, 4000);
    setTimeout(connect, 30000);  /* try the stream again later */
  }
  function connect() {
    if (!window.EventSource) { startPolling(); return; }
    if (source) { source.close(); }
    source = new EventSource("/events?" + q);
    source.onmessage = function (e) {
      failures = 0;
      if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
      status(S.live);
      draw(JSON.parse(e.data));
    };
    source.onerror = function () {
      failures += 1;
      status(S.offline);
      /* The browser reconnects by itself; after repeated failures, poll instead. */
      if (source.readyState === 2 || failures >= 3) { source.close(); source = null; startPolling(); }
    };
  }

  /* -- posting --------------------------------------------------------- */
  function post(path, data, tries) {
    return fetch(path + "?" + q, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { throw { message: json.error || S.send_failed, final: true }; }
        return json;
      });
    }, function () {
      /* Network trouble: the same client id again is stored at most once. */
      if (tries > 1) {
        return new Promise(function (ok) { setTimeout(ok, 800); })
          .then(function () { return post(path, data, tries - 1); });
      }
      throw { message: S.send_failed };
    });
  }
  function sending(form, on) {
    var button = form.querySelector("button[type=submit]");
    button.disabled = on;
    if (on) { status(S.sending); }
  }
  var collectForm = $("collect-form");
  collectForm.addEventListener("submit", function (e) {
    e.preventDefault();
    var f = collectForm.elements, kind = collectForm.querySelector("input[name=kind]:checked");
    var data = { client: f.client.value, item: f.item.value, kind: kind ? kind.value : "",
      text: f.text.value, author: f.author.value, organisation: f.organisation.value };
    sending(collectForm, true);
    post("/api/submit", data, 3).then(function () {
      notice(S.submitted, false);
      f.text.value = ""; f.client.value = uuid();
    }, function (err) { notice(err.message, true); })
      .then(function () { sending(collectForm, false); status(S.live); });
  });
  var voteForm = $("vote-form");
  voteForm.addEventListener("submit", function (e) {
    e.preventDefault();
    var dots = {};
    Array.prototype.forEach.call(document.querySelectorAll("#ballot input"), function (i) {
      dots[i.name.slice(5)] = Number(i.value) || 0;
    });
    sending(voteForm, true);
    /* No voter in the body: the server knows this phone by its cookie. */
    post("/api/vote", { item: voteForm.elements.item.value, dots: dots }, 3)
      .then(function () { notice(S.voted, false); }, function (err) { notice(err.message, true); })
      .then(function () { sending(voteForm, false); status(S.live); });
  });

  Array.prototype.forEach.call(document.querySelectorAll("#ballot input"), stepper);
  /* the page updates itself: the reload hint is for phones without JavaScript */
  var refreshHint = document.querySelector(".refresh .hint");
  if (refreshHint) { refreshHint.hidden = true; }
  setInterval(tick, 1000);
  connect();
})();
