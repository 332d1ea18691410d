"""The command line: exit codes, one-line errors, report files, escaping of untrusted text."""
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import render, runner
from checker.cli import app
from checker.formats import FORMATS

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


EVIL = ("Bilateral trade between Chile and Peru came to 4.96 billion USD in 2025 <script>alert(1)</script> "
        "| [x](javascript:alert(1)) \x1b[31m.\n")


def test_untrusted_text_is_escaped(tmp_path):
    (tmp_path / "a.txt").write_text(EVIL, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trade between Chile and Peru exceeded US$5 billion in 2025.\n", encoding="utf-8")
    md = factlint("check", tmp_path, "--format", "markdown", "--stdout").stdout
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # the bracket is escaped: no link
    assert "\\|" in md  # a pipe cannot break the table
    text = factlint("check", tmp_path, "--stdout").stdout
    assert "\x1b" not in text


# --- issue 10: no traceback, options first, reports as a set -----------------------------------

TRADE = "Trade between Chile and Peru came to 4.96 billion USD in 2025.\n"


def invoke(*args, **kw):
    return CliRunner().invoke(app, [str(a) for a in args], **kw)


def one_line_error(stderr: str, code: int) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert lines[0].startswith("factlint: internal error: " if code == 3 else "factlint: error: "), lines
    return lines[0]


def test_a_bug_is_exit_3_in_one_line_naming_the_article(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TRADE, encoding="utf-8")

    def bug(article, rules):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(runner, "extract_article", bug)
    r = invoke("check", tmp_path, "--no-cache", "-j", "1", "--stdout")
    assert r.exit_code == 3  # not 1, which means "findings"
    line = one_line_error(r.stderr, 3)
    assert "a.txt: ZeroDivisionError: a bug" in line and "--debug" in line
    debug = invoke("--debug", "check", tmp_path, "--no-cache", "-j", "1", "--stdout")
    assert debug.exit_code == 3 and "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


def test_hostile_numbers_never_give_a_traceback(tmp_path):
    """A long digit run and a hundred three-digit numbers in a row (OverflowError in the
    extractor, exit 1 with a traceback before): a report, or one line and exit 3."""
    (tmp_path / "digits.txt").write_text("Revenue was " + "9" * 5000 + " dollars.\n", encoding="utf-8")
    (tmp_path / "list.txt").write_text("$" + " ".join(str(100 + i) for i in range(100)) + " billion.\n",
                                       encoding="utf-8")
    for name in ("digits.txt", "list.txt"):
        p = factlint("check", tmp_path / name, "--stdout", "--no-cache")
        assert p.returncode in (0, 1, 3), p.stderr
        if p.returncode == 3:
            assert name in one_line_error(p.stderr, 3)
        else:
            assert p.stdout.startswith("factlint: 1 article") and "Traceback" not in p.stderr
    p = factlint("check", tmp_path / "digits.txt", "--stdout", "--no-cache", "--debug")  # --debug after the command
    assert p.returncode != 2, p.stderr


@pytest.mark.parametrize("args", [
    ["--format", "pdf"],
    ["--format", "json,html", "--output", "r.out"],
    ["--output", "."],
    ["--output", "a.txt/report.json"],  # under a file: cannot be written
    ["--changed", "typo.txt"],
    ["--fail-on", "panic"],
    ["--baseline", "missing.json"],
    ["--since", "HEAD"],  # not a git repository
], ids=["format", "two-formats-one-output", "output-folder", "output-under-a-file", "changed-typo", "fail-on",
        "baseline", "since"])
def test_options_are_checked_before_the_analysis(tmp_path, monkeypatch, args):
    (tmp_path / "a.txt").write_text(TRADE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def never(*_a, **_k):
        raise AssertionError("the analysis started")

    monkeypatch.setattr("checker.runner.extract_all", never)
    monkeypatch.setattr("checker.pipeline.analyse", never)
    r = invoke("check", tmp_path, "--no-cache", *args)
    assert r.exit_code == 2, r.stderr
    one_line_error(r.stderr, 2)


def test_changed_typo_is_an_error(tmp_path):
    p = factlint("check", "seeds", "--stdout", "--changed", tmp_path / "typo.txt")
    assert p.returncode == 2 and "typo.txt: no such file or directory" in one_line_error(p.stderr, 2)


def test_reports_have_the_usual_permissions(tmp_path):
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    p = subprocess.run([sys.executable, "-m", "checker", "check", "seeds", "--format", "json,html"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=60, preexec_fn=lambda: os.umask(0o022))
    assert p.returncode == 1, p.stderr
    for name in ("factlint.json", "factlint.html"):
        assert stat.S_IMODE((tmp_path / "reports" / name).stat().st_mode) == 0o644


def _old_reports(folder):
    (folder / "reports").mkdir()
    for ext in ("json", "html"):
        (folder / "reports" / f"factlint.{ext}").write_text("old\n", encoding="utf-8")


def test_an_interrupted_run_keeps_the_old_report_set(tmp_path, monkeypatch):
    """Ctrl-C while the HTML is being rendered: the JSON already rendered is not written."""
    _old_reports(tmp_path)
    monkeypatch.chdir(tmp_path)

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setitem(FORMATS, "html", (interrupted, ".html"))
    r = invoke("check", ROOT / "seeds", "--format", "json,html", "--no-cache")
    assert r.exit_code == 130
    assert {p.name: p.read_text() for p in (tmp_path / "reports").iterdir()} == {
        "factlint.json": "old\n", "factlint.html": "old\n"}  # no temporary file left either


def test_ctrl_c_during_the_renames_waits_until_the_set_is_complete(tmp_path, monkeypatch):
    _old_reports(tmp_path)
    replace = os.replace
    calls = []

    def replace_then_interrupt(src, dst):
        replace(src, dst)
        calls.append(dst)
        if len(calls) == 1:
            signal.raise_signal(signal.SIGINT)  # held until every report is in place

    monkeypatch.setattr(render.os, "replace", replace_then_interrupt)
    files = {tmp_path / "reports" / "factlint.json": "new json\n", tmp_path / "reports" / "factlint.html": "new html\n"}
    with pytest.raises(KeyboardInterrupt):
        render.write_set(files)
    assert len(calls) == 2 and all(p.read_text() == text for p, text in files.items())


def test_github_format_with_output_writes_the_file(tmp_path):
    out = tmp_path / "annotations.txt"
    p = factlint("check", "seeds", "--format", "github", "--output", out)
    assert p.returncode == 1 and p.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("::error file=")


def test_skipped_files_are_listed_in_every_report_format(tmp_path):
    d = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", d)
    (d / "binary.txt").write_bytes(b"\x00\x01garbage")
    os.mkfifo(d / "fifo.md")
    for fmt in ("text", "markdown", "json", "html", "sarif", "junit", "gitlab", "github"):
        out = tmp_path / f"report.{fmt}"
        r = invoke("check", d, "--format", fmt, "--output", out, "--no-cache", "-j", "1")
        assert r.exit_code == 1, r.stderr
        text = out.read_text(encoding="utf-8")
        assert "binary.txt" in text and "fifo.md" in text, fmt
    assert "binary.txt: binary file skipped" in r.stderr and "fifo.md: a named pipe (FIFO), skipped" in r.stderr


def test_a_fifo_given_as_the_path_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    p = factlint("check", tmp_path / "pipe.txt", "--stdout")  # hung for ever before
    assert p.returncode == 2 and "FIFO" in one_line_error(p.stderr, 2)
    p = factlint("extract", tmp_path / "pipe.txt")
    assert p.returncode == 2 and "FIFO" in one_line_error(p.stderr, 2)


# --- where the cache goes -------------------------------------------------------------------------

def test_cache_goes_to_the_project_root_not_the_working_folder(tmp_path):
    project = tmp_path / "newsroom"
    shutil.copytree(ROOT / "seeds", project / "stories")
    (project / "factlint.toml").write_text("", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    p = factlint("check", project / "stories", "--stdout", cwd=elsewhere)
    assert p.returncode == 1, p.stderr
    assert list(elsewhere.iterdir()) == []
    cache = project / ".factlint_cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert list(cache.glob("extract-*/*/*.json"))


def test_cache_without_a_project_goes_to_the_user_cache_folder(tmp_path):
    articles = tmp_path / "loose"
    shutil.copytree(ROOT / "seeds", articles)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    p = subprocess.run([sys.executable, "-m", "checker", "check", "loose", "--stdout"], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 1, p.stderr
    assert not (tmp_path / ".factlint_cache").exists() and not (articles / ".factlint_cache").exists()
    assert list((tmp_path / "xdg" / "factlint").glob("extract-*/*/*.json"))


def test_factlints_own_reports_are_never_read_back_as_articles(tmp_path):
    for name, text in (("a.txt", "Exports reached 4.1 billion dollars in 2025."),
                       ("b.txt", "Exports reached 4.6 billion dollars in 2025.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = factlint("check", ".", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "reports" / "factlint.txt").exists() and first.stdout.startswith("factlint: 2 articles")
    factlint("check", ".", "--no-cache", "--format", "markdown", "--output", "notes.md", cwd=tmp_path)
    again = factlint("check", ".", "--no-cache", "--format", "markdown", "--output", "notes.md", cwd=tmp_path)
    assert "notes.md: factlint's own report, not read as an article" in again.stderr
    last = factlint("check", ".", "--no-cache", "--stdout", cwd=tmp_path)
    assert last.stdout.startswith("factlint: 2 articles")  # nor notes.md, an earlier run's --output
    assert "reports: factlint's reports folder, not read as articles" in last.stderr
    assert "reports: factlint's reports folder, not read as articles" in last.stderr
