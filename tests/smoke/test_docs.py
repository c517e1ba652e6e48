"""The generated proto reference must match the code it describes."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_protos_doc_is_current():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import protos_doc
    finally:
        sys.path.pop(0)
    committed = (ROOT / "docs" / "protos.md").read_text(encoding="utf-8")
    assert protos_doc.render() == committed, "docs/protos.md is stale: run scripts/protos_doc.py"


def test_every_core_proto_is_documented():
    out = subprocess.run(
        [sys.executable, "-m", "pyio_core.cli", "-e", 'Protos Core slotNames sort foreach(n, n println)'],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    ).stdout.split()
    doc = (ROOT / "docs" / "protos.md").read_text(encoding="utf-8")
    missing = [n for n in out if f"## {n}\n" not in doc]
    assert out and not missing
