"""The extractor as it was before the extract package (commit bcd885b), for side-by-side runs.

It is read with `git show` into a temporary folder at run time and loaded as a module of the
checker package (it imports `.models` and `.rules`); it is never kept in the package. It reads
the rules as they were then (`old_rules()`), since the rule files changed with the package.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OLD_COMMIT = "bcd885b"


def _show(path: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), "show", f"{OLD_COMMIT}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def load_old():
    """The old extract module (extract_mentions, mention_dict, format_table)."""
    tmp = Path(tempfile.mkdtemp(prefix="factlint-old-")) / "old_extract.py"
    tmp.write_text(_show("checker/extract.py"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("checker._old_extract", tmp)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["checker._old_extract"] = mod
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def old_rules():
    """The bundled rules of that commit (a RuleSet the old module understands)."""
    from checker.rules import load_rules

    folder = Path(tempfile.mkdtemp(prefix="factlint-old-rules-"))
    names = subprocess.run(["git", "-C", str(REPO), "ls-tree", "--name-only", OLD_COMMIT, "rules/"],
                           capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        (folder / Path(name).name).write_text(_show(name), encoding="utf-8")
    return load_rules((str(folder),), include_bundled=False)
