// Review page: select findings, decide without reloading, keyboard shortcuts, draw a box or
// select text for a manual redaction, follow scanning progress. Plain JS, no build step.
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  let selected = null;

  function select(id, scroll) {
    $$(".selected").forEach((el) => el.classList.remove("selected"));
    const item = document.getElementById("f-" + id);
    if (!item) return;
    selected = id;
    item.classList.add("selected");
    $$('[data-id="' + id + '"]').forEach((el) => el.classList.add("selected"));
    if (scroll) {
      item.scrollIntoView({ block: "nearest" });
      // its box on the page image, or its mark in the table or slide card, whichever is on view
      const mark = $$('.box[data-id="' + id + '"], .hl[data-id="' + id + '"]').find((el) => el.offsetParent !== null);
      if (mark) mark.scrollIntoView({ block: "nearest" });
    }
  }

  document.addEventListener("click", (ev) => {
    const mark = ev.target.closest(".box, .hl");
    if (mark) { ev.preventDefault(); select(mark.dataset.id, true); return; }
    const item = ev.target.closest(".finding");
    if (item && !ev.target.closest("form, details")) select(item.dataset.id, true);
  });

  // Tabs: page image / text
  $$(".tab").forEach((tab) => tab.addEventListener("click", () => {
    $$(".tab").forEach((t) => t.classList.toggle("active", t === tab));
    $(".view-image").classList.toggle("hidden", tab.dataset.view !== "image");
    $(".view-text").classList.toggle("hidden", tab.dataset.view !== "text");
  }));

  // Decisions through fetch, so the page keeps its place; falls back to a normal post.
  $$("form.decide").forEach((form) => form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    if (ev.submitter) data.set(ev.submitter.name, ev.submitter.value);
    const res = await fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } });
    const body = await res.json().catch(() => ({ message: res.statusText }));
    if (!res.ok || !body.ok) { alert(body.message || body.error || res.statusText); return; }
    if (body.reload) { location.reload(); return; }
    update(body.finding);
    const count = $("#decided-count");
    if (count && body.progress_text) count.firstChild.textContent = body.progress_text;
    if (body.pending) showPending(body.pending);
    next(1, true);
  }));

  // The submit button and what a submit would accept follow every decision, no reload needed.
  function showPending(p) {
    const button = $("#submit-btn"), open = $("#open-review"), summary = $("#accept-summary"), list = $("#accept-list");
    if (button) button.disabled = p.open_review > 0;
    if (open) { open.hidden = !p.open_review; open.textContent = open.dataset.text.replace("{n}", p.open_review); }
    if (list) {
      list.textContent = "";
      p.accept.forEach((a) => {
        const li = document.createElement("li"), b = document.createElement("b");
        b.textContent = a.count.toLocaleString(document.documentElement.lang || "id");
        li.append(a.label_name + " — " + a.verdict_name + ": ", b);
        list.append(li);
      });
      summary.hidden = !p.accept.length;
    }
  }

  // Submitting asks first, listing what will be accepted as it is at this moment (asked of the server).
  const submitForm = $("#submit-form");
  if (submitForm) submitForm.addEventListener("submit", async (ev) => {
    if (submitForm.dataset.confirmed) return;
    ev.preventDefault();
    const res = await fetch(submitForm.dataset.pending, { headers: { Accept: "application/json" } });
    if (!res.ok) { submitForm.dataset.confirmed = "1"; submitForm.submit(); return; }
    const p = await res.json();
    showPending(p);
    if (p.open_review) return;
    const lines = p.accept.map((a) => "• " + a.label_name + " — " + a.verdict_name + ": " + a.count);
    const text = lines.length ? submitForm.dataset.confirm + "\n" + lines.join("\n") + "\n\n" + submitForm.dataset.confirmTail
      : submitForm.dataset.confirmNone;
    if (window.confirm(text)) { submitForm.dataset.confirmed = "1"; submitForm.submit(); }
  });

  function update(f) {
    const state = f.decision ? f.decision.verdict : (f.action === "keep" ? "keep-suggested" : "pending");
    const basis = $("#f-" + f.id + " .f-basis");
    if (basis) basis.textContent = (f.decision ? f.decision.basis : f.basis) || "—";
    $$('[data-id="' + f.id + '"]').forEach((el) => {
      if (el.title) el.title = el.title.replace(/ · [^·]*$/, " · " + ((f.decision ? f.decision.basis : f.basis) || "—"));
    });
    $$('[data-id="' + f.id + '"]').forEach((el) => {
      el.className = el.className.replace(/state-[\w-]+/, "state-" + state);
    });
    const line = $("#f-" + f.id + " .f-decision");
    if (line && f.decision) {
      const names = { redact: line.dataset.redact || "dihitamkan", keep: line.dataset.keep || "dibiarkan" };
      line.textContent = "";
      const badge = document.createElement("span");
      badge.className = "verdict v-" + f.decision.verdict;
      badge.textContent = names[f.decision.verdict];
      line.append(badge, " " + f.decision.by + (f.decision.note ? " — “" + f.decision.note + "”" : ""));
    }
  }

  function next(step, undecidedOnly) {
    const items = $$(".finding");
    if (!items.length) return;
    let i = items.findIndex((el) => el.dataset.id === selected);
    for (let n = 0; n < items.length; n++) {
      i = (i + step + items.length) % items.length;
      if (!undecidedOnly || items[i].classList.contains("state-pending")) { select(items[i].dataset.id, true); return; }
    }
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.target.closest("input, textarea, select") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const key = ev.key.toLowerCase();
    if (key === "j") next(1, false);
    else if (key === "k") next(-1, false);
    else if ((key === "a" || key === "r") && selected) {
      const button = $("#f-" + selected + (key === "a" ? " .btn-redact" : " .btn-keep"));
      if (button) button.click();
    } else if (ev.key === "ArrowRight" && $("#next-page")) location.href = $("#next-page").href;
    else if (ev.key === "ArrowLeft" && $("#prev-page")) location.href = $("#prev-page").href;
    else return;
    ev.preventDefault();
  });

  // Manual redaction: draw a box on the page image...
  const wrap = $("#page-wrap"), rect = $("#draw-rect"), form = $("#manual-form");
  function setManual(fields, hint) {
    for (const k of ["x0", "top", "x1", "bottom", "start", "end"]) $("#m-" + k).value = k in fields ? fields[k] : "";
    $("#manual-hint").textContent = hint;
    $("#manual-submit").disabled = false;
  }
  if (wrap && form) {
    let origin = null;
    const point = (ev) => {
      const r = wrap.getBoundingClientRect();
      return { x: Math.min(Math.max(ev.clientX - r.left, 0), r.width), y: Math.min(Math.max(ev.clientY - r.top, 0), r.height) };
    };
    wrap.addEventListener("mousedown", (ev) => {
      if (ev.button !== 0 || ev.target.closest(".box")) return;
      origin = point(ev);
      Object.assign(rect.style, { left: origin.x + "px", top: origin.y + "px", width: "0px", height: "0px" });
      rect.hidden = false;
      ev.preventDefault();
    });
    window.addEventListener("mousemove", (ev) => {
      if (!origin) return;
      const p = point(ev);
      Object.assign(rect.style, { left: Math.min(p.x, origin.x) + "px", top: Math.min(p.y, origin.y) + "px",
        width: Math.abs(p.x - origin.x) + "px", height: Math.abs(p.y - origin.y) + "px" });
    });
    window.addEventListener("mouseup", (ev) => {
      if (!origin) return;
      const p = point(ev), r = wrap.getBoundingClientRect();
      const sx = parseFloat(wrap.dataset.width) / r.width, sy = parseFloat(wrap.dataset.height) / r.height;
      const box = { x0: Math.min(p.x, origin.x) * sx, top: Math.min(p.y, origin.y) * sy,
        x1: Math.max(p.x, origin.x) * sx, bottom: Math.max(p.y, origin.y) * sy };
      origin = null;
      if (box.x1 - box.x0 < 3 || box.bottom - box.top < 3) { rect.hidden = true; return; }
      setManual(box, form.dataset.boxHint || "Kotak siap; pilih label dan dasar, lalu Hitamkan pilihan.");
    });
  }

  // ...or select text in the text view (or on the slide card: its pieces carry their offsets too).
  const textView = $("#page-text");
  function offsetOf(node, offset) {
    const el = node.nodeType === 3 ? node.parentElement : node;
    const host = el && el.closest("[data-start]");
    return host ? parseInt(host.dataset.start, 10) + (node.nodeType === 3 ? offset : 0) : null;
  }
  [textView, $("#slide-card")].filter((view) => view && form).forEach((view) => {
    view.addEventListener("mouseup", () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !view.contains(sel.anchorNode)) return;
      const a = offsetOf(sel.anchorNode, sel.anchorOffset), b = offsetOf(sel.focusNode, sel.focusOffset);
      if (a === null || b === null || a === b) return;
      setManual({ start: Math.min(a, b), end: Math.max(a, b) }, "“" + sel.toString().slice(0, 80) + "”");
    });
  });

  // Span adjustment word by word, with the chosen text shown (the numbers stay for fine cuts).
  const pageText = (() => {
    if (!textView) return null;
    let text = "";
    $$("[data-start]", textView).forEach((el) => {
      const at = parseInt(el.dataset.start, 10);
      if (at > text.length) text += " ".repeat(at - text.length);
      text = text.slice(0, at) + el.textContent;
    });
    return text;
  })();
  function wordEdge(text, at, edge, step) {
    // the next start (or end) of a word from `at` in the direction of `step`
    const isWord = (i) => i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
    let i = at;
    if (edge === "start") {
      if (step < 0) { i--; while (i > 0 && !isWord(i)) i--; while (i > 0 && isWord(i - 1)) i--; }
      else { while (i < text.length && isWord(i)) i++; while (i < text.length && !isWord(i)) i++; }
    } else {
      if (step > 0) { while (i < text.length && !isWord(i)) i++; while (i < text.length && isWord(i)) i++; }
      else { i--; while (i > 0 && isWord(i - 1)) i--; while (i > 0 && !isWord(i - 1)) i--; }
    }
    return Math.max(0, Math.min(text.length, i));
  }
  if (pageText !== null) {
    $$(".span-edit").forEach((box) => {
      const steps = $(".span-steps", box), out = $(".span-preview", box);
      const start = $('input[name="start"]', box), end = $('input[name="end"]', box);
      const show = () => { out.value = "“" + pageText.slice(+start.value, +end.value) + "”"; };
      steps.hidden = false;
      show();
      [start, end].forEach((input) => input.addEventListener("input", show));
      $$("button", steps).forEach((btn) => btn.addEventListener("click", () => {
        const input = btn.dataset.edge === "start" ? start : end;
        const moved = wordEdge(pageText, +input.value, btn.dataset.edge, +btn.dataset.step);
        if (btn.dataset.edge === "start" ? moved < +end.value : moved > +start.value) input.value = moved;
        show();
      }));
    });
  }

  // While scanning: show progress, reload when this page or the whole document is ready.
  const status = $("#doc-status");
  if (status && status.dataset.status === "processing") {
    const page = parseInt(new URLSearchParams(location.search).get("page") || "1", 10);
    const missing = !$("#page-wrap") && !$("#page-text");
    const timer = setInterval(async () => {
      const res = await fetch(status.dataset.url, { headers: { Accept: "application/json" } });
      if (!res.ok) return;
      const doc = await res.json();
      const bar = $("#progress progress");
      if (bar) { bar.max = doc.page_count || 1; bar.value = doc.pages_done || doc.pages_read || 0; }
      const note = $("#progress span");
      if (note) {
        const which = doc.pages_done ? "stored" : (doc.page_count && doc.pages_read >= doc.page_count ? "detecting" : "reading");
        note.textContent = note.dataset[which].replace("{read}", doc.pages_read || 0)
          .replace("{done}", doc.pages_done).replace("{total}", doc.page_count || "?");
      }
      if (doc.status !== "processing" || (missing && doc.pages_done >= page)) { clearInterval(timer); location.reload(); }
    }, 2000);
  }
})();
