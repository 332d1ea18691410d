"""The ready-made integrations run what they say: the GitHub Actions workflow and the pre-commit hook.

Each test reads the file, takes the `factlint check ...` command it runs and runs that same command
(as `python -m checker`, which is what the `factlint` script calls) on a copy of `seeds/`.
"""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "factlint.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
DATA = Path(__file__).parent / "data"


def _run(argv: list[str], cwd: Path, env: dict[str, str] | None = None):
    assert argv[0] == "factlint", argv
    cmd = [sys.executable, "-m", "checker", *argv[1:]]
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    full_env.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)


def _require_check_command(tmp_path: Path) -> None:
    """Skip only when the `check` command is not there yet; a failing command fails the test."""
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--help"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=60,
    )
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 and "No such command" in out:
        pytest.skip("`factlint check` is not implemented yet")


def _seeds(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _workflow_steps() -> list[dict]:
    (job,) = _workflow()["jobs"].values()
    return job["steps"]


def test_workflow_shape():
    wf = _workflow()
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and "push" in triggers
    assert wf["permissions"]["security-events"] == "write"
    steps = _workflow_steps()
    runs = [s.get("run", "") for s in steps]
    assert "pip install -e ." in runs
    (check,) = [r for r in runs if r.startswith("factlint check")]
    argv = shlex.split(check)
    fmt = argv[argv.index("--format") + 1].split(",")
    assert {"github", "sarif", "html"} <= set(fmt)
    uses = {s.get("uses", "").split("@")[0]: s for s in steps}
    upload = uses["github/codeql-action/upload-sarif"]
    assert upload["with"]["sarif_file"] == "reports/factlint.sarif"
    assert upload["if"].startswith("always()")
    # steps run in order: install before check before upload
    names = [s.get("run") or s.get("uses") for s in steps]
    assert names.index("pip install -e .") < names.index(check) < names.index(upload["uses"])


def _workflow_command() -> list[str]:
    env = _workflow().get("env", {})
    (check,) = [s["run"] for s in _workflow_steps() if s.get("run", "").startswith("factlint check")]
    for key, value in env.items():  # the workflow's own env, as the runner's shell expands it
        check = check.replace("${" + key + "}", str(value)).replace("$" + key, str(value))
    return shlex.split(check)


def test_workflow_command_runs(tmp_path):
    _require_check_command(tmp_path)
    cwd = _seeds(tmp_path)
    summary = tmp_path / "step-summary.md"
    argv = _workflow_command()
    assert argv[:3] == ["factlint", "check", "seeds"]
    proc = _run(argv, cwd, env={"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"})
    assert proc.returncode in (0, 1), proc.stderr[-2000:]  # 1: findings at --fail-on
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    # annotations on stdout: every line the runner would read as a command is well formed
    # and points at a file of the repository (paths relative to the repository, not to seeds/)
    for line in proc.stdout.splitlines():
        if line.startswith("::"):
            assert line.split(" ", 1)[0] in ("::error", "::warning", "::notice"), line
            props = line[2:line.index("::", 2)].split(" ", 1)[1]
            file = dict(p.split("=", 1) for p in props.split(","))["file"]
            assert (cwd / file.replace("%3A", ":").replace("%2C", ",").replace("%25", "%")).is_file()
    # the file the upload step sends exists and is valid SARIF 2.1.0
    sarif_step = [s for s in _workflow_steps() if "upload-sarif" in s.get("uses", "")][0]
    sarif_path = cwd / sarif_step["with"]["sarif_file"]
    assert sarif_path.is_file(), proc.stderr[-2000:]
    log = json.loads(sarif_path.read_text(encoding="utf-8"))
    from jsonschema.validators import validator_for

    schema = json.loads((DATA / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    errors = list(validator_for(schema)(schema).iter_errors(log))
    assert not errors, errors[0].message
    for result in log["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert (cwd / unquote(uri)).is_file(), uri
    html = (cwd / "reports" / "factlint.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    # the HTML artifact step uploads what was written
    artifact = [s for s in _workflow_steps() if "upload-artifact" in s.get("uses", "")][0]
    for p in artifact["with"]["path"].split():
        assert (cwd / p).is_file(), p


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    (hook,) = hooks
    for key in ("id", "name", "entry", "language"):
        assert hook[key], key
    assert hook["id"] == "factlint" and hook["language"] == "python"
    assert shlex.split(hook["entry"])[:2] == ["factlint", "check"]
    assert hook["pass_filenames"] is False  # articles are checked against each other
    allowed = {
        "id", "name", "entry", "language", "files", "exclude", "types", "types_or",
        "exclude_types", "always_run", "fail_fast", "verbose", "pass_filenames",
        "require_serial", "description", "language_version", "minimum_pre_commit_version",
        "args", "stages", "additional_dependencies", "log_file",
    }
    assert set(hook) <= allowed, set(hook) - allowed


def test_pre_commit_command_runs(tmp_path):
    _require_check_command(tmp_path)
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    argv = shlex.split(hook["entry"]) + [str(a) for a in hook.get("args", [])]
    cwd = _seeds(tmp_path)
    proc = _run(argv, cwd)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.stdout.strip() or proc.returncode == 0
