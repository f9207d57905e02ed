// Document list: while documents are being scanned, reload when they are done.
(function () {
  "use strict";
  const table = document.querySelector("table.docs");
  if (!table || !document.querySelector(".st-processing")) return;
  const timer = setInterval(async () => {
    const res = await fetch(table.dataset.json, { headers: { Accept: "application/json" } });
    if (!res.ok) return;
    const body = await res.json();
    if (!body.documents.some((d) => d.status === "processing")) { clearInterval(timer); location.reload(); }
  }, 3000);
})();
