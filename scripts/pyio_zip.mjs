// Turn the pyio wheel into the zip the IDE unpacks and imports (build/site/pyio.zip).
//
// Why: installing a wheel in Pyodide (micropip, or loadPackage) costs more Python work at
// start-up than unpacking a zip into a folder on sys.path (loadPackage also imports tarfile,
// which nothing else needs; micropip resolves dependencies the IDE does not have), and then
// Pyodide compiles every module of pyio at import, in wasm, on every page load. So the zip
// carries each module's bytecode in __pycache__. It must come from Pyodide's own CPython
// (same version, same magic number), so this runs the Pyodide of the dist folder in Node.
// The .pyc files are "unchecked hash" ones (used whatever the unpacked files' mtimes); the
// .py files stay for tracebacks. dist-info is left out: the IDE never asks for pyio's
// metadata, and lark is not needed at run time.
//
// Usage: node scripts/pyio_zip.mjs PYODIDE_DIR WHEEL OUT_ZIP
import fs from "node:fs";
import path from "node:path";

const [dir, wheel, out] = process.argv.slice(2);
if (!dir || !wheel || !out) {
  console.error("usage: node scripts/pyio_zip.mjs PYODIDE_DIR WHEEL OUT_ZIP");
  process.exit(2);
}
const { loadPyodide } = await import(path.resolve(dir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.resolve(dir) + "/" });
pyodide.FS.writeFile("/tmp/in.whl", fs.readFileSync(wheel));
const count = pyodide.runPython(`
import os, py_compile, zipfile
from importlib.util import cache_from_source

compiled = 0
with zipfile.ZipFile("/tmp/in.whl") as src, \\
        zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        if info.filename.split("/", 1)[0].endswith((".dist-info", ".data")):
            continue
        data = src.read(info)
        out.writestr(info, data)
        if not info.filename.endswith(".py"):
            continue
        source = "/tmp/src/" + info.filename
        os.makedirs(os.path.dirname(source), exist_ok=True)
        with open(source, "wb") as f:
            f.write(data)
        py_compile.compile(source, cfile="/tmp/pyc", dfile=info.filename, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        with open("/tmp/pyc", "rb") as f:
            out.writestr(zipfile.ZipInfo(cache_from_source(info.filename), info.date_time),
                         f.read(), zipfile.ZIP_DEFLATED)
        compiled += 1
compiled
`);
fs.writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
console.log(`${out}: pyio with ${count} modules compiled for Pyodide`);
