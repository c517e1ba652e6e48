// pyio.js -- run <script type="io"> tags in any page (see docs/embedding.md).
//
//   <script src="pyio/pyio.js"></script>
//   <script type="io">writeln("Hello from Io")</script>
//   <script type="io" src="app.io" data-output="#out"></script>
//
// This file sits in the offline Pyodide folder (`make dist` puts it in build/pyodide/): it
// loads Pyodide and the pyio wheel from that same folder (the folder's pyodide-lock.json
// lists them, so nothing comes from a CDN), then runs every <script type="io"> of the page
// in document order, all in one shared Lobby, with the JS bridge installed.
//
// Output goes to the element named by the tag's data-output selector, else to a
// <pre class="pyio-output"> made right after the tag when the script first writes.  An Io
// error (or a src file that cannot be fetched) is shown as a <pre class="pyio-error"> in
// the same place and logged to the console; the following scripts still run.
//
// When every script has run, `pyio.done` resolves to the number of failed scripts, the
// document gets a "pyio:done" event and <html data-pyio="done">.
(() => {
  "use strict";
  // this file's folder holds Pyodide (currentScript is null only if loaded as a module)
  const me = document.currentScript || document.querySelector('script[src$="pyio.js"]');
  const base = new URL(".", me.src).href;

  let resolveDone, rejectDone;
  const done = new Promise((res, rej) => { resolveDone = res; rejectDone = rej; });
  globalThis.pyio = { done };

  const domReady = new Promise((res) => {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", res, { once: true });
    } else {
      res();
    }
  });

  const isField = (el) => el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;

  // Where a script's output goes: its data-output element, or a <pre> made after the tag
  // on first use.  Returns a function giving that element.
  function outputFor(tag) {
    const selector = tag.dataset.output;
    if (selector) {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`pyio: no element matches data-output="${selector}"`);
      return () => el;
    }
    let pre = null;
    return () => {
      if (!pre) {
        pre = document.createElement("pre");
        pre.className = "pyio-output";
        tag.after(pre);
      }
      return pre;
    };
  }

  function append(el, text) {
    if (isField(el)) el.value += text;
    else el.append(text);
  }

  // An error as a red <pre class="pyio-error">: inside the data-output element, else after
  // the tag's own output (or the tag), else at the end of the page.
  function showError(tag, text) {
    console.error(text);
    const pre = document.createElement("pre");
    pre.className = "pyio-error";
    pre.style.color = "#b00020";
    pre.textContent = text;
    const target = tag && tag.dataset.output ? document.querySelector(tag.dataset.output) : null;
    if (target && !isField(target)) target.append(pre);
    else if (tag) {
      const next = tag.nextElementSibling;
      (next && next.className === "pyio-output" ? next : tag).after(pre);
    } else document.body.append(pre);
  }

  async function source(tag) {
    const src = tag.getAttribute("src");
    if (!src) return tag.textContent;
    const url = new URL(src, document.baseURI);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`pyio: cannot load ${src}: HTTP ${r.status}`);
    return r.text();
  }

  async function main() {
    await domReady;
    const tags = Array.from(document.querySelectorAll('script[type="io"]'));
    const { loadPyodide } = await import(base + "pyodide.mjs");
    const pyodide = await loadPyodide({ indexURL: base });
    await pyodide.loadPackage("pyio", { messageCallback: () => {} });
    let current = () => document.body; // output written after the last script ends goes there
    const session = pyodide.pyimport("bridge.embed").Session((text) => append(current(), text));
    let failed = 0;
    for (const [i, tag] of tags.entries()) {
      const label = tag.getAttribute("src") || `<script ${i + 1}>`;
      let report;
      try {
        current = outputFor(tag);
        report = await session.run(await source(tag), label);
      } catch (e) {
        report = String(e && e.message ? e.message : e);
      }
      if (report) {
        failed += 1;
        showError(tag, report);
      }
    }
    document.documentElement.dataset.pyio = "done";
    document.dispatchEvent(new CustomEvent("pyio:done", { detail: { failed } }));
    resolveDone(failed);
  }

  main().catch((e) => {
    const first = document.querySelector('script[type="io"]');
    showError(first, "pyio could not start: " + (e && e.message ? e.message : e));
    document.documentElement.dataset.pyio = "error";
    rejectDone(e);
  });
})();
