// PyScript's interpreter module for the IDE (index.html: "interpreter": "./pyodide-boot.mjs"):
// Pyodide's own loadPyodide, started from the memory snapshot `make site` made
// (scripts/pyodide_snapshot.mjs) instead of starting CPython and importing Pyodide's
// modules: that is most of Python's load time. PyScript gets what it expects of an
// interpreter module (loadPyodide, version) and adds its own options (stdout, stderr).
//
// The snapshot is fetched (index.html preloads it) and unpacked as soon as this module
// runs, while PyScript sets itself up. If it is missing, broken or of another Pyodide
// build, Python starts the usual way.
import { loadPyodide as load, version } from "./pyodide/pyodide.mjs";

export { version };

const indexURL = new URL("./pyodide/", import.meta.url).href;

const snapshot = fetch(indexURL + "snapshot.bin.gz")
  .then((r) => {
    if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
    return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  })
  .then((buffer) => new Uint8Array(buffer));
snapshot.catch(() => {}); // reported where it is used

// Emscripten works out the time zone's names once, when CPython starts: in a snapshot they
// are those of the machine that made it. Ask again, in this browser's zone (the offsets,
// computed on each call, were right already; `Date zone` shows the names).
function refreshTimeZone(pyodide) {
  const m = pyodide._module;
  const names = m.HEAPU32.subarray(m._tzname >>> 2, (m._tzname >>> 2) + 2);
  m.__tzset_js(m._timezone, m._daylight, names[0], names[1]);
}

export async function loadPyodide(options = {}) {
  options = { ...options, indexURL };
  try {
    const pyodide = await load({ ...options, _loadSnapshot: await snapshot });
    refreshTimeZone(pyodide);
    performance.mark("pyio: Python started from the snapshot");
    return pyodide;
  } catch (error) {
    console.warn("pyio: no start-up snapshot, Python starts the usual way:", error);
    return load(options);
  }
}
