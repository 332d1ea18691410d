"""The command line: exit codes, one-line errors, report files, escaping of untrusted text."""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def factlint(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=60)


def test_seeds_exit_codes(tmp_path):
    out = tmp_path / "r.json"
    p = factlint("check", "seeds", "--format", "json", "--output", out)
    assert p.returncode == 1  # the 2025 trade conflict is an error
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.1" and data["articles"][0]["path"] == "000_4649f35037c07398.txt"
    claim = data["claims"][0]
    assert {"id", "article", "kind", "metric", "value", "unit", "hedge", "low", "high", "period",
            "quote", "line", "column"} <= set(claim)
    assert factlint("check", "seeds", "--stdout", "--select", "FL301").returncode == 0
    assert factlint("check", "seeds", "--stdout", "--ignore", "FL101", "--fail-on", "warning").returncode == 1


def test_input_errors_are_one_line_exit_2(tmp_path):
    for args in (["check", tmp_path / "missing"], ["check", "seeds", "--format", "pdf"],
                 ["check", "seeds", "--fail-on", "panic"]):
        p = factlint(*args)
        assert p.returncode == 2, (args, p.stderr)
        assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    p = factlint("check", tmp_path)
    assert p.returncode == 2 and "bad.txt" in p.stderr


def test_default_outputs_go_to_reports(tmp_path):
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    p = factlint("check", "seeds", "--format", "markdown,json", cwd=tmp_path)
    assert p.returncode == 1
    assert (tmp_path / "reports" / "factlint.md").read_text(encoding="utf-8").startswith("# factlint report")
    json.loads((tmp_path / "reports" / "factlint.json").read_text(encoding="utf-8"))
    assert not [f for f in (tmp_path / "reports").iterdir() if f.name.startswith(".")]  # no temp files


EVIL = ("Bilateral trade between Vietnam and Laos reached 2.98 billion USD in 2025 <script>alert(1)</script> "
        "| [x](javascript:alert(1)) \x1b[31m.\n")


def test_untrusted_text_is_escaped(tmp_path):
    (tmp_path / "a.txt").write_text(EVIL, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trade between Vietnam and Laos exceeded US$3 billion in 2025.\n", encoding="utf-8")
    md = factlint("check", tmp_path, "--format", "markdown", "--stdout").stdout
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # the bracket is escaped: no link
    assert "\\|" in md  # a pipe cannot break the table
    text = factlint("check", tmp_path, "--stdout").stdout
    assert "\x1b" not in text
