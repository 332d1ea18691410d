"""A normal install runs anywhere, and the integrations work as a user wires them (issue 10).

A fresh virtual environment gets factlint the way pip, pipx, pre-commit and the GitHub Action
install it, `pip install <source folder>` (a wheel is built, then installed), but offline: no
index, no build isolation, and this environment's site-packages reachable through a .pth file
for pip, setuptools and the dependencies. Then:

- the installed `factlint` checks articles from another folder, with the rules from inside the
  package;
- the pre-commit hook's entry and args run as pre-commit runs them (and `pre-commit try-repo`
  when pre-commit is installed here);
- the GitHub Action (action.yml), in the workflow README.md documents, runs step by step through
  tests/gha.py, its SARIF validated against the schema;
- the project's own workflow: its test job runs .ci/run, and its seeds job, through the action,
  passes because factlint exits 1 on seeds/ (a conflict by design), and fails otherwise.
"""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))
from gha import Runner, machine_env  # noqa: E402

from checker.load import SUFFIXES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
NOT_SHIPPED = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "reports",
                                     ".factlint_cache", ".hypothesis", ".pytest_cache")
OFFLINE_PIP = {"PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
SEEDS_CONFLICT = 1  # seeds/ holds one conflict by design: factlint exits 1 there


def _copy_source(dest: Path) -> Path:
    """This checkout as a clone holds it."""
    shutil.copytree(ROOT, dest, ignore=NOT_SHIPPED, symlinks=True)
    return dest


def _fresh_python(where: Path) -> Path:
    """A new venv without factlint; pip, setuptools and the dependencies come from this one."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120)
    python = where / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    ours = sorted({sysconfig.get_paths()[k] for k in ("purelib", "platlib")})
    Path(site, "_factlint_test_deps.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return python


def _run(argv: list, cwd: Path, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=env or machine_env(), capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="session")
def source(tmp_path_factory) -> Path:
    return _copy_source(tmp_path_factory.mktemp("src") / "factlint")


@pytest.fixture(scope="session")
def installed(source, tmp_path_factory) -> Path:
    """bin/ of a fresh venv where `pip install <source>` put factlint."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    proc = _run([_fresh_python(venv), "-m", "pip", "install", "--quiet", source], source,
                env=machine_env(OFFLINE_PIP))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return venv / "bin"


@pytest.fixture(scope="session")
def setup_python(tmp_path_factory) -> Path:
    """What actions/setup-python gives the action: a Python without factlint."""
    return _fresh_python(tmp_path_factory.mktemp("tool-cache") / "python")


def _articles(dest: Path) -> Path:
    shutil.copytree(ROOT / "seeds", dest)
    return dest


def _clean_env(tmp: Path, bin_dir: Path | None = None) -> dict[str, str]:
    """No PYTHONPATH to this checkout; the installed bin/ first; a private user cache."""
    env = machine_env({"XDG_CACHE_HOME": str(tmp / "user-cache")})
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}:{env['PATH']}"
    return env


# --- the wheel ----------------------------------------------------------------------------------

def test_installed_factlint_runs_from_any_folder(installed, tmp_path):
    articles = _articles(tmp_path / "articles")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    report = tmp_path / "report.json"
    env = _clean_env(tmp_path)
    proc = _run([installed / "factlint", "check", articles, "--format", "json", "--output", report], elsewhere, env)
    assert proc.returncode == SEEDS_CONFLICT, proc.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5 and "FL101" in {f["rule"] for f in data["findings"]}
    # the rules came from inside the installed package, not from a checkout
    where = _run([installed / "python", "-c", "from checker.rules import BUNDLED_RULES; print(BUNDLED_RULES)"],
                 elsewhere, env).stdout.strip()
    assert Path(where).is_relative_to(installed.parent) and Path(where, "checks.toml").is_file()
    rules = _run([installed / "factlint", "rules", "checks"], elsewhere, env)
    assert rules.returncode == 0 and "FL101" in rules.stdout and str(ROOT) not in rules.stdout
    assert not list(elsewhere.iterdir())  # nothing left in the folder it ran from


def test_the_wheel_holds_every_module_and_rule_file(installed, source):
    site = Path(_run([installed / "python", "-c", "import checker; print(checker.__file__)"], installed).stdout.strip()).parent
    shipped = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".py", ".toml")}
    ours = {p.relative_to(source / "checker").as_posix() for p in (source / "checker").rglob("*.py")}
    rules = {f"bundled_rules/{p.name}" for p in (source / "rules").glob("*.toml")}
    assert ours | rules == shipped


# --- pre-commit ---------------------------------------------------------------------------------

def _hook() -> dict:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return hook


def test_pre_commit_hook_definition():
    hook = _hook()
    allowed = {
        "id", "name", "entry", "language", "files", "exclude", "types", "types_or",
        "exclude_types", "always_run", "fail_fast", "verbose", "pass_filenames",
        "require_serial", "description", "language_version", "minimum_pre_commit_version",
        "args", "stages", "additional_dependencies", "log_file",
    }
    assert set(hook) <= allowed, set(hook) - allowed
    assert hook["id"] == "factlint" and hook["language"] == "python"
    assert shlex.split(hook["entry"])[:2] == ["factlint", "check"]
    assert hook["pass_filenames"] is False  # articles are checked against each other
    # the hook wakes up for exactly the files factlint reads
    for suffix in SUFFIXES:
        assert re.search(hook["files"], f"stories/a{suffix}")
    assert not re.search(hook["files"], "setup.py") and not re.search(hook["files"], "notes.txt.bak")


def _newsroom_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "newsroom"
    _articles(repo / "stories")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "articles"]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    return repo


@pytest.mark.parametrize("user_args", [None, ["--format", "text", "--stdout", "stories/"]],
                         ids=["hook-args", "documented-args"])
def test_pre_commit_hook_runs_as_pre_commit_runs_it(installed, tmp_path, user_args):
    """pre-commit runs `entry` + `args` (a user's `args:` replace the hook's) at the repository
    root, with the hook's environment first on PATH, and no file names (pass_filenames: false)."""
    hook = _hook()
    repo = _newsroom_repo(tmp_path)
    argv = shlex.split(hook["entry"]) + (user_args if user_args is not None else hook["args"])
    proc = _run(argv, repo, _clean_env(tmp_path, installed))
    assert proc.returncode == SEEDS_CONFLICT, proc.stderr
    assert "FL101" in proc.stdout and "Traceback" not in proc.stderr
    # the cache sits in the repository root and keeps itself out of git: nothing to commit
    assert (repo / ".factlint_cache").is_dir()
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True)
    assert status.stdout == ""


PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (it is in the test extras)")
def test_pre_commit_try_repo(source, tmp_path):
    repo = _newsroom_repo(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=source, check=True)
    subprocess.run(["git", "add", "-A"], cwd=source, check=True)  # pre-commit clones the committed tree
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q",
                    "-m", "x"], cwd=source, check=True)
    proc = _run([PRE_COMMIT, "try-repo", source, "factlint", "--all-files"], repo, _clean_env(tmp_path))
    assert proc.returncode == 1 and "FL101" in proc.stdout, proc.stdout[-3000:]


# --- the GitHub Action and the workflows --------------------------------------------------------

def _emulated(setup_python: Path) -> dict:
    def setup(given: dict, runner: Runner) -> dict:
        return {"python-path": str(setup_python)}

    def artifact(given: dict, runner: Runner) -> dict:
        if given.get("if-no-files-found") == "error":
            missing = [p for p in given["path"].split() if not (runner.workspace / p).is_file()]
            assert not missing, f"upload-artifact would fail: {missing}"
        return {}

    return {"actions/checkout": lambda given, runner: {}, "actions/setup-python": setup,
            "actions/upload-artifact": artifact, "github/codeql-action/upload-sarif": _sarif_upload}


def _sarif_upload(given: dict, runner: Runner) -> dict:
    """What code scanning would do: validate the log, and find every file it points at."""
    from jsonschema.validators import validator_for

    log = json.loads((runner.workspace / given["sarif_file"]).read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    errors = list(validator_for(schema)(schema).iter_errors(log))
    assert not errors, errors[0].message
    for result in log["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert (runner.workspace / unquote(uri)).is_file(), uri
    return {}


def _runner(workspace: Path, tmp_path: Path, setup_python: Path, source: Path | None = None) -> Runner:
    # the install step runs as written; pip is only told (by environment) to stay offline
    return Runner(workspace=workspace, temp=tmp_path / "runner-temp", env={**_clean_env(tmp_path), **OFFLINE_PIP},
                  emulated=_emulated(setup_python), actions={"<owner>/factlint": source} if source else {})


def _readme_workflow() -> dict:
    """The workflow README.md tells a newsroom to copy."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# \.github/workflows/factlint\.yml\n.*?)```", text, re.S)
    assert len(blocks) == 1, "README.md documents one workflow for the action"
    return yaml.safe_load(blocks[0])


def test_action_as_the_readme_wires_it(source, setup_python, tmp_path):
    workflow = _readme_workflow()
    (name,) = workflow["jobs"]
    workspace = tmp_path / "newsroom"
    _articles(workspace / "articles")
    runner = _runner(workspace, tmp_path, setup_python, source)
    ok = runner.job(workflow, name)
    assert not ok, runner.log()  # the seeds' conflict fails the check step...
    assert {"Upload to code scanning", "Keep the HTML report"} <= set(runner.names)  # ...if: always()
    # annotations on the articles, with repository paths
    assert "::error file=articles/" in runner.output("Check the articles"), runner.log()
    assert (workspace / "reports" / "factlint.html").is_file()
    assert runner.summary.read_text(encoding="utf-8").startswith("# factlint report")


def test_action_reports_bad_input_as_exit_2(source, setup_python, tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    runner = _runner(workspace, tmp_path, setup_python)
    result = runner.composite(source, {"paths": "no/such/folder"})
    assert result.outcome == "failure" and result.outputs == {"exit-code": "2"}


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_project_workflow_runs_the_tests():
    wf = _workflow()
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"pull_request", "push"} <= set(triggers)
    runs = [s.get("run", "") for s in wf["jobs"]["tests"]["steps"]]
    assert "bash .ci/run" in runs
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -e '.[test]'" in ci and ".venv/bin/pytest" in ci


@pytest.mark.parametrize("extra_args, passes", [("", True), ("--select FL301", False)],
                         ids=["seeds-conflict-expected", "no-conflict-fails-the-job"])
def test_project_workflow_checks_the_seeds_expecting_exit_1(setup_python, tmp_path, extra_args, passes):
    workflow = _workflow()
    if extra_args:  # the same job when factlint would find nothing: the job must fail
        (step,) = [s for s in workflow["jobs"]["seeds"]["steps"] if s.get("uses") == "./"]
        step["with"]["args"] = extra_args
    checkout = _copy_source(tmp_path / "checkout")
    runner = _runner(checkout, tmp_path, setup_python)
    assert runner.job(workflow, "seeds") is passes, runner.log()
    assert "Keep the reports" in runner.names
