// Progressive enhancement only: every page works without this file.
import "../vendor/design-system-4.2.0/scripts/design-system.js";

// A table wider than its box scrolls inside it. While it does, the box takes keyboard
// focus (so the table can be scrolled without a mouse) and keeps its row headers in view;
// while the table fits, the box is no tab stop of its own.
const scrollRegions = new ResizeObserver((entries) => {
  for (const entry of entries) fitScrollRegion(entry.target);
});
let regionCount = 0;

function fitScrollRegion(box) {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  box.classList.toggle("hb-table-wrapper--scrolls", scrolls);
  if (scrolls) {
    box.setAttribute("tabindex", "0");
  } else {
    box.removeAttribute("tabindex");
  }
}

function enhanceScrollRegions(root) {
  for (const box of root.querySelectorAll(".hb-table-wrapper")) {
    const table = box.querySelector("table");
    if (!table) continue;
    if (!box.hasAttribute("role")) box.setAttribute("role", "region");
    if (!box.hasAttribute("aria-labelledby") && !box.hasAttribute("aria-label") && table.caption) {
      if (!table.caption.id) table.caption.id = `hb-table-caption-${++regionCount}`;
      box.setAttribute("aria-labelledby", table.caption.id);
    }
    fitScrollRegion(box);
    scrollRegions.observe(box);
  }
}

function init(root) {
  if (window.DS && typeof window.DS.initAll === "function") {
    window.DS.initAll(root);
  }
  enhanceScrollRegions(root || document);
  // Move focus to an error summary so screen reader users hear what went wrong.
  const summary = (root || document).querySelector("[data-module='hb-error-summary']");
  if (summary) {
    summary.focus();
  }
}

init(document);
document.body.addEventListener("htmx:afterSwap", (event) => init(event.target));
