// Runs bench/run.py's measurements inside Pyodide in Node, so pyio in the browser's runtime can
// be set beside pyio on CPython (`python bench/run.py --pyodide`, part of `make bench`).
//
//   node bench/pyodide_bench.mjs [--quick] [--repeat N] [--dist DIR]
//
// Loads the offline Pyodide of build/pyodide (`make dist`: the npm runtime plus our wheels and
// a lock file naming them), installs the pyio wheel from there, copies bench/*.py into
// Pyodide's file system and runs `bench/run.py --json-lines` in it: the same programs and
// timing code as on CPython, no second copy.  Prints one JSON object per line: first the
// Pyodide start-up phases (reported apart from the programs' times) and the packages loaded,
// then what run.py emits.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const dist = path.resolve(distAt < 0 ? path.join(here, "..", "build", "pyodide") : args[distAt + 1]);
const forwarded = distAt < 0 ? args : args.filter((_, i) => i !== distAt && i !== distAt + 1);
const emit = (record) => process.stdout.write(JSON.stringify(record) + "\n");

try {
  let t0 = performance.now();
  const { loadPyodide } = await import(pathToFileURL(path.join(dist, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: dist + path.sep });
  const bootMs = performance.now() - t0;

  t0 = performance.now();
  await pyodide.loadPackage("pyio", { messageCallback: () => {}, errorCallback: console.error });
  const packagesMs = performance.now() - t0;

  pyodide.FS.mkdirTree("/home/pyodide/bench");
  for (const name of readdirSync(here).filter((f) => f.endsWith(".py"))) {
    pyodide.FS.writeFile(`/home/pyodide/bench/${name}`, readFileSync(path.join(here, name)));
  }
  t0 = performance.now();
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide'); import pyio_core");
  const importMs = performance.now() - t0;
  emit({
    event: "pyodide", version: pyodide.version, node: process.version,
    boot_ms: bootMs, packages_ms: packagesMs, import_ms: importMs,
    packages: Object.keys(pyodide.loadedPackages),  // what loading pyio pulled in: pyio alone
  });

  pyodide.setStdout({ write: (buf) => { process.stdout.write(buf); return buf.length; } });
  pyodide.setStderr({ write: (buf) => { process.stderr.write(buf); return buf.length; } });
  pyodide.globals.set("BENCH_ARGS", pyodide.toPy(["--json-lines", ...forwarded]));
  const rc = pyodide.runPython("from bench.run import main; main(list(BENCH_ARGS))");
  process.exitCode = rc;
} catch (err) {
  console.error(`pyio benchmarks in Pyodide (${dist}) failed: ${err && err.message ? err.message : err}`);
  process.exitCode = 1;
}
