#!/usr/bin/env python3
"""Write a pyodide-lock.json that lists exactly the wheels in a dist folder.

Why not `pyodide lockfile add-wheels`? It needs Python >= 3.12 and a few extra
packages; this script needs only the stdlib (+ `packaging`, which pytest
already brings into .venv) and runs on Debian's Python 3.11.

It starts from the lock file of the npm `pyodide` package (for its "info"
block: Python/ABI/platform) and keeps *only* the packages whose wheels are in
the dist folder.  Pyodide would otherwise try to fetch every other listed
package from its CDN at run time; with a pruned lock, asking for a package we
do not ship fails at once instead of silently reaching for the network.

For each wheel it records: name, version, file_name, install_dir "site",
sha256, package_type "package", imports (top-level modules) and depends
(Requires-Dist evaluated for CPython 3.14 on Emscripten).  A dependency that
is not shipped is an error, so `loadPackage(name)` always resolves offline.

Usage: pyodide_lock.py BASE_LOCK DIST_DIR   (writes DIST_DIR/pyodide-lock.json)
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def marker_env(info: dict) -> dict[str, str]:
    py = info.get("python", "3.14.0")
    return {
        "python_version": ".".join(py.split(".")[:2]),
        "python_full_version": py,
        "implementation_name": "cpython",
        "implementation_version": py,
        "platform_python_implementation": "CPython",
        "os_name": "posix",
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "platform_machine": "wasm32",
        "platform_release": "",
        "platform_version": "",
        "extra": "",
    }


def wheel_info(path: Path) -> tuple[dict, list[Requirement], list[str]]:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        meta_name = next(n for n in names if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
        top_level_txt = meta_name.replace("METADATA", "top_level.txt")
        if top_level_txt in names:
            imports = [ln.strip() for ln in zf.read(top_level_txt).decode().splitlines() if ln.strip()]
        else:
            imports = set()
            for n in names:
                first = n.split("/", 1)[0]
                if first.endswith((".dist-info", ".data")):
                    continue
                if "/" in n and n.endswith(".py"):
                    imports.add(first)
                elif "/" not in n and n.endswith(".py"):
                    imports.add(n[:-3])
            imports = sorted(imports)
    reqs = [Requirement(r) for r in meta.get_all("Requires-Dist") or []]
    return {"name": meta["Name"], "version": meta["Version"]}, reqs, imports


def main(base_lock: str, dist_dir: str) -> int:
    dist = Path(dist_dir)
    base = json.loads(Path(base_lock).read_text())
    env = marker_env(base["info"])
    base_pkgs = {normalize(k): v for k, v in base["packages"].items()}

    wheels = sorted(dist.glob("*.whl"))
    parsed = {}
    for whl in wheels:
        meta, reqs, imports = wheel_info(whl)
        key = normalize(meta["name"])
        if key in parsed:
            print(f"error: two wheels for {key}: {parsed[key][0].name}, {whl.name}", file=sys.stderr)
            return 1
        parsed[key] = (whl, meta, reqs, imports)

    packages, missing = {}, []
    for key, (whl, meta, reqs, imports) in sorted(parsed.items()):
        depends = []
        for req in reqs:
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            dep = normalize(req.name)
            if dep not in parsed:
                missing.append(f"{key} needs {req} but no wheel for {dep} is in {dist}")
                continue
            depends.append(dep)
        old = base_pkgs.get(key, {})
        packages[key] = {
            "name": key,
            "version": meta["version"],
            "file_name": whl.name,
            "install_dir": "site",
            "sha256": hashlib.sha256(whl.read_bytes()).hexdigest(),
            "package_type": "package",
            # Pyodide's own list of import names is curated; prefer it.
            "imports": old.get("imports") or imports,
            "depends": sorted(set(depends)),
            "unvendored_tests": False,
        }
    if missing:
        print("error: dependency closure is incomplete:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    lock = {"info": base["info"], "packages": packages}
    (dist / "pyodide-lock.json").write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")
    print(f"pyodide-lock.json: {len(packages)} packages: {', '.join(packages)}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
