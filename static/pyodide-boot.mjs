// PyScript's interpreter module for the IDE (index.html: "interpreter": "./pyodide-boot.mjs"):
// Pyodide's own loadPyodide, with two things done before PyScript gets the interpreter:
// - Python is started from the memory snapshot `make site` made
//   (scripts/pyodide_snapshot.mjs) instead of starting CPython and importing Pyodide's
//   modules: that is most of Python's load time;
// - pyio (pyio_core, bridge, ide, with their bytecode) is written into /home/pyodide/pyio,
//   the folder the page's script puts on sys.path, from the bundle pyio.files.gz
//   (scripts/pyio_zip.mjs): JavaScript writes its ~180 files in milliseconds. The bundle
//   also holds the bytecode of PyScript's Python package (pyscript/__pycache__).
// PyScript gets what it expects of an interpreter module (loadPyodide, version) and adds
// its own options (stdout, stderr).
//
// Both files are fetched (index.html preloads them) and unpacked as soon as this module
// runs, while PyScript sets itself up. If the snapshot is missing, broken or of another
// Pyodide build, Python starts the usual way.
import { loadPyodide as load, version } from "./pyodide/pyodide.mjs";

export { version };

const indexURL = new URL("./pyodide/", import.meta.url).href;

// Unzipping the snapshot (30 MB) took the main thread 0.15-0.25 s just when PyScript's own
// start needs it: a worker does it. The page fetches (index.html's preload is the page's; a
// worker's fetch would download again) and hands the bytes over, and back, without copies.
const INFLATE = `onmessage = async ({ data }) => {
  try {
    const body = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
    const out = await new Response(body).arrayBuffer();
    postMessage(out, [out]);
  } catch (error) {
    postMessage(String(error));
  }
};`;

async function gunzip(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  const packed = await response.arrayBuffer();
  const code = URL.createObjectURL(new Blob([INFLATE], { type: "text/javascript" }));
  const worker = new Worker(code);
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) =>
        typeof data === "string" ? reject(new Error(`${url}: ${data}`)) : resolve(new Uint8Array(data));
      worker.onerror = (event) => reject(new Error(`${url}: ${event.message}`));
      worker.postMessage(packed, [packed]);
    });
  } finally {
    worker.terminate();
    URL.revokeObjectURL(code);
  }
}

const snapshot = gunzip(indexURL + "snapshot.bin.gz");
snapshot.catch(() => {}); // reported where it is used
const pyioFiles = gunzip(new URL("./pyio.files.gz", import.meta.url).href);
pyioFiles.catch(() => {});

// The bundle: a 4-byte little-endian length n, n bytes of JSON [[path, size], ...], then
// the files' bytes one after another.
function writeFiles(FS, folder, bundle) {
  const n = new DataView(bundle.buffer, bundle.byteOffset).getUint32(0, true);
  let at = 4 + n;
  for (const [name, size] of JSON.parse(new TextDecoder().decode(bundle.subarray(4, at)))) {
    const path = `${folder}/${name}`;
    FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    FS.writeFile(path, bundle.subarray(at, at + size));
    at += size;
  }
}

// What CPython works out once, when it starts, and a snapshot would otherwise repeat on
// every page: the time zone's names (Emscripten's tzset: those of the machine that made
// the snapshot; asked again in this browser's zone; the offsets, computed on each call,
// were right already, `Date zone` shows the names) and the seed of Python's `random`
// (imported by Pyodide's start-up: every page would draw the same numbers).
function refreshAfterSnapshot(pyodide) {
  const m = pyodide._module;
  const names = m.HEAPU32.subarray(m._tzname >>> 2, (m._tzname >>> 2) + 2);
  m.__tzset_js(m._timezone, m._daylight, names[0], names[1]);
  pyodide.runPython("import random; random.seed()");
}

async function start(options) {
  try {
    const pyodide = await load({ ...options, _loadSnapshot: await snapshot });
    refreshAfterSnapshot(pyodide);
    performance.mark("pyio: Python started from the snapshot");
    return pyodide;
  } catch (error) {
    console.warn("pyio: no start-up snapshot, Python starts the usual way:", error);
    return load(options);
  }
}

export async function loadPyodide(options = {}) {
  const pyodide = await start({ ...options, indexURL });
  writeFiles(pyodide.FS, "/home/pyodide", await pyioFiles);
  performance.mark("pyio: pyio's files written");
  return pyodide;
}
