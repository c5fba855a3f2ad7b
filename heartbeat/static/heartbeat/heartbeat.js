// Progressive enhancement only: every page works without this file.
import "../vendor/design-system-4.2.0/scripts/design-system.js";

function init(root) {
  if (window.DS && typeof window.DS.initAll === "function") {
    window.DS.initAll(root);
  }
  // Move focus to an error summary so screen reader users hear what went wrong.
  const summary = (root || document).querySelector("[data-module='hb-error-summary']");
  if (summary) {
    summary.focus();
  }
}

init(document);
document.body.addEventListener("htmx:afterSwap", (event) => init(event.target));
