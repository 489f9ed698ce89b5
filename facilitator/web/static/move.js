/* The phone arrived from the other laptop: this page set its cookie. On to the clean
   join page, the answers still to resend in the fragment (which no server sees).
   The navigation starts here, on this laptop's page, so it carries the new cookie. */
(function () {
  "use strict";
  var to = document.body.getAttribute("data-to");
  if (to && to.charAt(0) === "/" && to.charAt(1) !== "/") { location.replace(to + location.hash); }
})();
