// Sheet pages of the review: switch between the table and the text view, and confirm a decision for a
// whole column before it is sent (the server answers with how many it decided and skipped).
(function () {
  "use strict";
  const tabs = Array.from(document.querySelectorAll(".sheet-view-tab"));
  tabs.forEach((tab) => tab.addEventListener("click", () => {
    tabs.forEach((t) => t.classList.toggle("active", t === tab));
    const table = document.getElementById("sheet-table"), text = document.getElementById("page-text");
    if (table) table.classList.toggle("hidden", tab.dataset.sheetView !== "table");
    if (text) text.classList.toggle("hidden", tab.dataset.sheetView !== "text");
  }));
  document.querySelectorAll("form.column-decide").forEach((form) => form.addEventListener("submit", (ev) => {
    if (!window.confirm(form.dataset.confirm)) ev.preventDefault();
  }));
})();
