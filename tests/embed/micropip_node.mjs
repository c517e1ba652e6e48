// A bare Pyodide in Node (the npm runtime, no pyio in its lock file) installs the pyio
// wheel with micropip from local files and runs a Python snippet (the micropip example of
// docs/embedding.md).  Usage:
//   node micropip_node.mjs <pyodide dir> <micropip.whl> <pyio.whl> <snippet.py>
// Prints the snippet's failure and exits 1, or prints "ok".
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [runtime, micropip, pyio, snippet] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: runtime + path.sep });
await pyodide.loadPackage(micropip, { messageCallback: () => {} });
pyodide.globals.set("PYIO_WHEEL", pathToFileURL(pyio).href);
try {
  await pyodide.runPythonAsync(readFileSync(snippet, "utf8"));
  // pyio has no dependencies: micropip installed nothing else (no lark)
  pyodide.runPython("import importlib.util; assert importlib.util.find_spec('lark') is None");
  console.log("ok");
} catch (e) {
  console.log(String(e && e.message ? e.message : e));
  process.exit(1);
}
