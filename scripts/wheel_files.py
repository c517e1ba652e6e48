#!/usr/bin/env python3
"""Print the cached wheel file for each `name==version` line read on stdin.

Used by `make dist` to copy exactly the pinned wheels (not whatever else is in
.cache/wheels) into build/pyodide/.  Usage: wheel_files.py WHEEL_DIR < pins
"""

import re
import sys
from pathlib import Path


def norm(s: str) -> str:
    return re.sub(r"[-_.]+", "_", s).lower()


def main() -> int:
    wheel_dir = Path(sys.argv[1])
    wheels = list(wheel_dir.glob("*.whl"))
    status = 0
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        name, _, version = line.partition("==")
        prefix = f"{norm(name)}-{version.strip()}-"
        hits = [w for w in wheels if norm(w.name.split("-")[0]) + "-" + w.name.split("-")[1] + "-" == prefix]
        if len(hits) != 1:
            print(f"error: expected one wheel for {line} in {wheel_dir}, found {hits}", file=sys.stderr)
            status = 1
            continue
        print(hits[0])
    return status


if __name__ == "__main__":
    sys.exit(main())
