// Small enhancements on top of pages that work without JavaScript (CSP: no inline scripts).
(function () {
  "use strict";

  // Move focus to the error summary, so a screen reader announces what went wrong.
  function focusErrorSummary() {
    var summary = document.getElementById("foutoverzicht");
    if (summary && document.activeElement !== summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", focusErrorSummary);

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) {
      return;
    }
    // A swapped-in form with errors: announce them (only when the swap brought a summary).
    if (target.querySelector && target.querySelector("#foutoverzicht")) {
      focusErrorSummary();
      return;
    }
    // A form saved in place: the form is gone, so continue from the message saying so.
    var notice = target.querySelector && target.querySelector(".app-notice");
    if (notice) {
      notice.focus();
    }
  });
})();
