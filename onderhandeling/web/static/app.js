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
    // A position row appended by "Rij toevoegen": continue typing in its first field.
    if (target.id === "rijen") {
      var rows = target.querySelectorAll("fieldset.app-position-row");
      var last = rows[rows.length - 1];
      var first = last && last.querySelector("select, input, textarea");
      if (first) {
        first.focus();
      }
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
