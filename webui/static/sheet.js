// Sheet and slide pages of the review: switch between the table (or the slide card) and the text view,
// and confirm a decision for a whole column before it is sent (the server answers with how many it
// decided and skipped).
(function () {
  "use strict";
  const tabs = Array.from(document.querySelectorAll(".sheet-view-tab"));
  tabs.forEach((tab) => tab.addEventListener("click", () => {
    tabs.forEach((t) => {
      t.classList.toggle("active", t === tab);
      const pane = document.getElementById(t.dataset.pane);
      if (pane) pane.classList.toggle("hidden", t !== tab);
    });
  }));
  document.querySelectorAll("form.column-decide").forEach((form) => form.addEventListener("submit", (ev) => {
    if (!window.confirm(form.dataset.confirm)) ev.preventDefault();
  }));
})();
