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

  function section() { return document.getElementById("activity"); }
  function say(text, isError) {
    var n = document.getElementById("notice");
    if (!n) { return; }
    n.textContent = text;
    n.hidden = !text;
    n.className = isError ? "notice problem" : "notice";
  }
  function fetchForm() {
    return fetch("/j/" + encodeURIComponent(code) + "/activity?lang=" + lang, { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
      .then(function (html) {
        var old = section();
        var holder = document.createElement("div");
        holder.innerHTML = html;  /* server-rendered, every value escaped there */
        var fresh = holder.firstElementChild;
        if (old && fresh) { old.replaceWith(fresh); }
        shownKey = fresh ? fresh.getAttribute("data-key") : null;
      });
  }
  function typing() {
    var s = section(), a = document.activeElement;
    return s && a && s.contains(a) && (a.tagName === "INPUT" || a.tagName === "TEXTAREA" || a.tagName === "SELECT");
  }
  document.addEventListener("facilitator:snapshot", function (e) {
    var act = e.detail.activity;
    var key = act ? act.key : "";
    if (shownKey === null) { var s = section(); shownKey = s ? (s.getAttribute("data-key") || "") : ""; }
    /* A new question or vote should not wipe what someone is typing into another form. */
    if (key !== shownKey && !busy && !(act && shownKey && key.split(":")[0] === shownKey.split(":")[0] && typing())) {
      fetchForm().catch(function () {});
    }
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!section() || !section().contains(form)) { return; }
    e.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    if (e.submitter && e.submitter.name) { data.set(e.submitter.name, e.submitter.value); }
    busy = true;
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
      .then(function () { busy = false; });
  });
})();
