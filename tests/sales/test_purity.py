"""House rules for the diagnosis code: pandas only on demand, imports run tui -> store -> sales."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_engine_does_not_import_pandas() -> None:
    code = ("import sys, sales.sales_fields, sales.record_rules, sales.kpis, sales.diagnosis, sales.findings, "
            "sales.diagnosis_report, store.record_files, store.diagnose; "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sales_imports_nothing_of_ours_but_sales() -> None:
    for path in (ROOT / "sales").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                top = name.split(".")[0]
                assert top not in ("store", "tui", "textual", "tinydb"), f"{path.name} imports {name}"
