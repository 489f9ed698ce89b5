/* The open activity on the phone, live: swaps in the server-rendered form when the
   activity changes (join.js announces every snapshot) and sends answers without a
   page load. Without JavaScript the same form posts and comes back to the page. */
(function () {
  "use strict";
  var body = document.body;
  var code = body.getAttribute("data-code");
  var lang = body.getAttribute("data-lang");
  var shownKey = null;
  var busy = false;
  var later = null;  /* a refetch waiting while only a Q&A's counts moved */
  var wanted = null;  /* the newest key a snapshot announced */

  var S = JSON.parse(body.getAttribute("data-strings") || "{}");

  function fmt(key, values) {
    return (S[key] || key).replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }
  function section() { return document.getElementById("activity"); }
  function say(text, isError) {
    var n = document.getElementById("notice");
    if (!n) { return; }
    n.textContent = text;
    n.hidden = !text;
    n.className = isError ? "notice error" : "notice";  /* the classes join.css styles */
    /* the notice sits above the page; the form may be far below: bring it into view */
    if (text) { n.scrollIntoView({ block: "center" }); }
  }
  function setBusy(form, on) {
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) {
      b.disabled = on;
    });
  }

  /* -- dots: tap to add, "noch X von N Punkten", never over the budget ----- */
  function dotsUsed(list) {
    var used = 0;
    Array.prototype.forEach.call(list.querySelectorAll("input[name^='d.']"), function (i) {
      used += Number(i.value) || 0;
    });
    return used;
  }
  function drawDots(list) {
    var budget = Number(list.getAttribute("data-budget")) || 0, used = dotsUsed(list);
    var left = list.parentNode.querySelector(".dots-left");
    if (left) { left.textContent = fmt("dots_left_short", { left: Math.max(0, budget - used), budget: budget }); }
    Array.prototype.forEach.call(list.querySelectorAll(".dot-tap"), function (tap) {
      var input = tap.querySelector("input"), v = Number(input.value) || 0;
      tap.querySelector(".placed").textContent = v ? new Array(v + 1).join("●") : "–";
      tap.querySelector(".minus").disabled = v <= 0;
      tap.querySelector(".plus").disabled = v >= (Number(input.max) || 0) || used >= budget;
    });
  }
  function tapToAdd() {
    var s = section(), list = s && s.querySelector("ul.ballot[data-budget]");
    if (!list || list.getAttribute("data-tap")) { return; }
    list.setAttribute("data-tap", "1");
    Array.prototype.forEach.call(list.querySelectorAll("input[name^='d.']"), function (input) {
      var text = (list.querySelector("label[for='" + input.id + "']") || {}).textContent || "";
      var tap = document.createElement("div");
      tap.className = "dot-tap";
      var minus = document.createElement("button"), plus = document.createElement("button");
      var placed = document.createElement("span");
      minus.type = plus.type = "button";
      minus.className = "secondary minus"; plus.className = "plus";
      minus.textContent = "−"; plus.textContent = "+ ●";
      minus.setAttribute("aria-label", fmt("dot_remove", { text: text.slice(0, 60) }));
      plus.setAttribute("aria-label", fmt("dot_add", { text: text.slice(0, 60) }));
      placed.className = "placed";
      input.parentNode.insertBefore(tap, input);
      input.type = "hidden";  /* the value still posts; the buttons set it */
      tap.appendChild(minus); tap.appendChild(placed); tap.appendChild(plus); tap.appendChild(input);
      function change(d) {
        var v = (Number(input.value) || 0) + d;
        if (v < 0 || v > (Number(input.max) || 0)) { return; }
        if (d > 0 && dotsUsed(list) >= (Number(list.getAttribute("data-budget")) || 0)) { return; }
        input.value = v; drawDots(list);
      }
      minus.addEventListener("click", function () { change(-1); });
      plus.addEventListener("click", function () { change(1); });
    });
    drawDots(list);
  }
  function overBudget(form) {
    var list = form.querySelector("ul.ballot[data-budget]");
    if (!list) { return false; }
    var budget = Number(list.getAttribute("data-budget")) || 0;
    return dotsUsed(list) > budget ? fmt("over_budget", { budget: budget }) : false;
  }
  function uuid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);  /* works on plain http, unlike randomUUID */
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  /* A Q&A arrives as the same bytes for every phone: this phone's upvotes come in a
     header and its next question gets a fresh id here. */
  function personalise(fresh, upvoted) {
    var q = fresh.querySelector('input[name="qclient"]');
    if (q) { q.value = uuid(); }
    (upvoted || "").split(",").forEach(function (id) {
      if (!id) { return; }
      var b = fresh.querySelector('button[name="upvote"][value="' + id.replace(/[^0-9a-zA-Z-]/g, "") + '"]');
      if (b) { b.classList.add("on"); b.setAttribute("aria-pressed", "true"); }
    });
  }
  function fetchForm() {
    if (later) { clearTimeout(later); later = null; }
    var upvoted = "";
    return fetch("/j/" + encodeURIComponent(code) + "/activity?lang=" + lang, { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        upvoted = r.headers.get("X-Upvoted") || "";
        return r.text();
      })
      .then(function (html) {
        var old = section();
        var holder = document.createElement("div");
        holder.innerHTML = html;  /* server-rendered, every value escaped there */
        var fresh = holder.firstElementChild;
        if (fresh) { personalise(fresh, upvoted); }
        if (old && fresh) { old.replaceWith(fresh); }
        shownKey = fresh ? fresh.getAttribute("data-key") : null;
        /* Under a flood the server hands out its previous rendering for a moment:
           come back once more, so the last change is seen when the flood ends. */
        if (wanted !== null && shownKey !== null && shownKey !== wanted) { soon(); }
        tapToAdd();
      });
  }
  function soon() {
    if (!later) {
      later = setTimeout(function () { later = null; fetchForm().catch(function () {}); },
                         1000 + Math.random() * 2000);
    }
  }
  function typing() {
    var s = section(), a = document.activeElement;
    return s && a && s.contains(a) && (a.tagName === "INPUT" || a.tagName === "TEXTAREA" || a.tagName === "SELECT");
  }
  document.addEventListener("facilitator:snapshot", function (e) {
    var act = e.detail.activity;
    var key = act ? act.key : "";
    wanted = key;
    if (shownKey === null) { var s = section(); shownKey = s ? (s.getAttribute("data-key") || "") : ""; }
    /* A new question or vote should not wipe what someone is typing into another form. */
    var same = act && shownKey && key.split(":")[0] === shownKey.split(":")[0];
    if (key === shownKey || busy || (same && typing())) { return; }
    if (same && act.type === "questions") {
      /* Only the Q&A moved: one refetch in 1–3 s for all the upvotes meanwhile, spread
         over the room so the phones do not arrive at once. */
      soon();
      return;
    }
    fetchForm().catch(function () {});
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!section() || !section().contains(form)) { return; }
    e.preventDefault();
    var over = overBudget(form);
    if (over) { say(over, true); return; }
    var data = new URLSearchParams(new FormData(form));
    if (e.submitter && e.submitter.name) { data.set(e.submitter.name, e.submitter.value); }
    busy = true;
    setBusy(form, true);
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      headers: { "Accept": "application/json" }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { throw new Error(json.error || String(r.status)); }
        return json;
      });
    }).then(function (json) {
      say(section().getAttribute("data-done-" + json.done) || "", false);
      return fetchForm();
    }).catch(function (err) { say(err.message, true); })
      .then(function () { busy = false; setBusy(form, false); });
  });
  tapToAdd();
})();
