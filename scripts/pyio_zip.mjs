// Build what the IDE's Python starts from, with the bytecode compiled here, once, instead
// of in the browser on every page load:
//   OUT_FILES   pyio (pyio_core, bridge, ide) from the wheel, as one gzipped bundle that
//               static/pyodide-boot.mjs writes into /home/pyodide/pyio, a folder on
//               sys.path (build/site/pyio.files.gz), with the Io prelude's message trees
//               parsed by these very sources (pyio_core/prelude_cache.py), and the
//               bytecode of PyScript's own Python package (see below);
//   OUT_STDLIB  Pyodide's python_stdlib.zip with each module compiled (replaces the site's
//               copy: build/site/pyodide/python_stdlib.zip).
//
// Why: Pyodide ships its standard library as .py sources, so every page load compiled the
// ~125 modules Python and Pyodide import at start-up (asyncio, typing, inspect, zipfile...)
// in wasm: about half of Python's start in the browser (pyodide issue 3050 asks for .pyc
// only, for this reason). Installing the pyio wheel (micropip, loadPackage) costs more
// Python work than writing its files into a folder, and its modules were compiled at
// import too; unpacking a zip with Python (PyScript's "files") was itself ~180 files of
// Python work, where JavaScript writes the bundle's files in a few milliseconds. The
// bytecode must come from Pyodide's own CPython (same version, same magic number), so this
// runs the Pyodide of the dist folder in Node. The .pyc files are "unchecked hash" ones:
// used whatever the files' mtimes, never checked against a source. pyio keeps its .py
// files beside them (tracebacks show pyio's lines); the standard library is shipped as
// .pyc only, as `pyodide py-compile` does (smaller: 4.5 MB, not 7 MB). dist-info is left
// out: the IDE never asks for pyio's metadata.
//
// The bundle: a 4-byte little-endian length n, n bytes of JSON [[path, size], ...], then
// the files' bytes one after another; all of it gzipped.
//
// Usage: node scripts/pyio_zip.mjs PYODIDE_DIR WHEEL OUT_FILES OUT_STDLIB
import fs from "node:fs";
import path from "node:path";

const [dir, wheel, out, stdlibOut] = process.argv.slice(2);
if (!dir || !wheel || !out || !stdlibOut) {
  console.error("usage: node scripts/pyio_zip.mjs PYODIDE_DIR WHEEL OUT_FILES OUT_STDLIB");
  process.exit(2);
}
const { loadPyodide } = await import(path.resolve(dir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.resolve(dir) + "/" });
pyodide.FS.writeFile("/tmp/in.whl", fs.readFileSync(wheel));
// PyScript's own Python package, as its core.js writes it into ./pyscript at every start
const pyscript = await import(new URL(
  "../node_modules/@pyscript/core/src/stdlib/pyscript.js", import.meta.url));
pyodide.FS.mkdirTree("/tmp/pyscript");
for (const [name, text] of Object.entries(pyscript.default.pyscript)) {
  pyodide.FS.writeFile(`/tmp/pyscript/${name}`, text);
}
pyodide.FS.writeFile("/tmp/stdlib.zip", fs.readFileSync(path.resolve(dir, "python_stdlib.zip")));
const counts = pyodide.runPython(`
import gzip, importlib.util, json, marshal, os, sys, zipfile
from importlib.util import cache_from_source

STDLIB = next(p for p in sys.path if p.endswith(".zip"))  # where Pyodide puts the zip


def pyc(source: bytes, filename: str, checked: bool = False) -> bytes:
    """A hash-based .pyc of source, its code naming filename (for tracebacks); a checked
    one is used only while the source file beside it has the very same hash."""
    code = compile(source, filename, "exec", dont_inherit=True)
    return (importlib.util.MAGIC_NUMBER + (3 if checked else 1).to_bytes(4, "little")
            + importlib.util.source_hash(source) + marshal.dumps(code))


def entry(name: str, date_time) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


pyio = stdlib = 0
files = []  # (path in /home/pyodide, bytes)
with zipfile.ZipFile("/tmp/in.whl") as src:
    for info in src.infolist():
        if info.filename.split("/", 1)[0].endswith((".dist-info", ".data")):
            continue
        data = src.read(info)
        files.append(("pyio/" + info.filename, data))
        if info.filename.endswith(".py"):
            # a folder on sys.path: the import system looks in __pycache__
            files.append(("pyio/" + cache_from_source(info.filename), pyc(data, info.filename)))
            pyio += 1
        source = "/tmp/src/" + info.filename
        os.makedirs(os.path.dirname(source), exist_ok=True)
        with open(source, "wb") as f:
            f.write(data)
# the prelude's message trees, parsed by the sources just bundled (pyio_core/prelude_cache.py)
sys.path.insert(0, "/tmp/src")
from pyio_core import prelude_cache

prelude_cache.build("/tmp/parsed")
with open("/tmp/parsed", "rb") as f:
    files.append(("pyio/" + os.path.relpath(prelude_cache.PATH, "/tmp/src"), f.read()))
# PyScript's package: it writes the sources and imports them on every start, and they were
# compiled every time. Checked .pyc files beside them are used only if the sources are
# these very ones (a PyScript whose dist differs from its src/ just compiles, as before).
for name in sorted(os.listdir("/tmp/pyscript")):
    with open("/tmp/pyscript/" + name, "rb") as f:
        data = f.read()
    path = "pyscript/" + name
    files.append((cache_from_source(path), pyc(data, path, checked=True)))
header = json.dumps([[name, len(data)] for name, data in files]).encode()
with open("/tmp/out.gz", "wb") as f:
    f.write(gzip.compress(len(header).to_bytes(4, "little") + header
                          + b"".join(data for _, data in files), 9))

# zipimport (the standard library is imported from the zip itself) wants name.pyc where
# name.py was; co_filename is the path the sources had, as before
with zipfile.ZipFile("/tmp/stdlib.zip") as src, \\
        zipfile.ZipFile("/tmp/stdlib-out.zip", "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        data = src.read(info)
        if info.filename.endswith(".py"):
            out.writestr(entry(info.filename + "c", info.date_time),
                         pyc(data, f"{STDLIB}/{info.filename}"))
            stdlib += 1
        else:
            out.writestr(info, data)
[pyio, stdlib]
`).toJs();
fs.writeFileSync(out, pyodide.FS.readFile("/tmp/out.gz"));
fs.writeFileSync(stdlibOut, pyodide.FS.readFile("/tmp/stdlib-out.zip"));
console.log(`${out}: pyio with ${counts[0]} modules compiled for Pyodide`);
console.log(`${stdlibOut}: ${counts[1]} standard library modules compiled`);
