// Make the IDE's Python start-up snapshot (build/site/pyodide/snapshot.bin.gz): the memory
// of a Pyodide that has just started (CPython initialised, Pyodide's own modules imported),
// gzipped. The page's boot module (static/pyodide-boot.mjs) hands it to loadPyodide, which
// then copies it into memory instead of starting CPython: that start is most of Python's
// load time in the browser (more than half of it on a busy machine).
//
// The snapshot is of this very Pyodide build (Pyodide checks the build id and refuses
// another) and of this very standard library zip (Python remembers where each module is in
// it), so it is made from the site's own copies, after python_stdlib.zip was compiled.
// Pyodide's snapshot options (_makeSnapshot, _loadSnapshot) are its own, undocumented ones
// (made for Cloudflare's Python workers); the boot module falls back to a normal start if
// a snapshot is missing or refused.
//
// Usage: node scripts/pyodide_snapshot.mjs SITE_PYODIDE_DIR
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/pyodide_snapshot.mjs SITE_PYODIDE_DIR");
  process.exit(2);
}
const { loadPyodide } = await import(path.resolve(dir, "pyodide.mjs"));
const pyodide = await loadPyodide({
  indexURL: path.resolve(dir) + "/",
  _makeSnapshot: true,
  _sysExecutable: "/home/pyodide/this.program", // what a browser's Pyodide says
});
const snapshot = pyodide.makeMemorySnapshot();
const out = path.join(dir, "snapshot.bin.gz");
fs.writeFileSync(out, zlib.gzipSync(snapshot, { level: 9 }));
console.log(`${out}: Python's start-up memory, ${(snapshot.length / 2 ** 20).toFixed(0)} MB `
  + `(${(fs.statSync(out).size / 2 ** 20).toFixed(1)} MB gzipped)`);
