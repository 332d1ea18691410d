"""Run GitHub Actions steps here the way the runner does, for the workflow and action tests.

It covers what factlint's workflow, action and README example use: `run:` steps in bash (`env:`,
`id:`, `if: always()`, `continue-on-error:`), $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY, the
expressions `inputs.X`, `steps.ID.outputs.X`, `steps.ID.outcome`, `runner.temp` and
`github.workspace`, composite actions (`uses: ./` or a name mapped to a folder), and `uses:`
steps the test emulates (checkout, setup-python, the upload actions). Anything else fails the
test, so the files cannot drift beyond what is exercised.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
Emulated = Callable[[dict, "Runner"], dict]


@dataclass
class StepResult:
    outcome: str  # success or failure
    outputs: dict[str, str] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""


@dataclass
class Runner:
    workspace: Path
    temp: Path
    env: dict[str, str]  # the machine's environment
    emulated: dict[str, Emulated] = field(default_factory=dict)  # "owner/action" -> outputs
    actions: dict[str, Path] = field(default_factory=dict)  # "owner/name" -> composite action folder
    ran: list[tuple[str, StepResult]] = field(default_factory=list)  # every step run, by name

    @property
    def summary(self) -> Path:
        return self.temp / "step-summary.md"

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.ran]

    def output(self, name: str) -> str:
        """Standard output of the step of that name."""
        return next(r.stdout for n, r in self.ran if n == name)

    def log(self) -> str:
        """What ran, for an assertion message."""
        return "\n".join(f"{n}: {r.outcome}\n{r.stdout[-2000:]}{r.stderr[-2000:]}" for n, r in self.ran)

    def job(self, workflow: dict, name: str) -> bool:
        """Run one job of a workflow; True when it succeeds."""
        job = workflow["jobs"][name]
        env = {**{k: str(v) for k, v in workflow.get("env", {}).items()}, **job.get("env", {})}
        return self.steps(job["steps"], _Scope(inputs={}, env=env))

    def steps(self, steps: list[dict], scope: "_Scope", action_path: Path | None = None) -> bool:
        failed = False
        for step in steps:
            cond = EXPR.sub(r"\1", str(step.get("if", "success()"))).strip()
            if cond not in ("always()", "success()", "failure()"):
                raise AssertionError(f"`if: {cond}` is not supported by the test runner")
            if (cond == "success()" and failed) or (cond == "failure()" and not failed):
                continue
            result = self._step(step, scope, action_path)
            self.ran.append((step.get("name") or step.get("uses") or step["run"].splitlines()[0], result))
            if "id" in step:
                scope.steps[step["id"]] = result
            if result.outcome == "failure" and not step.get("continue-on-error"):
                failed = True
        return not failed

    def _step(self, step: dict, scope: "_Scope", action_path: Path | None) -> StepResult:
        given = {k: scope.sub(v, self) for k, v in step.get("with", {}).items()}
        if "run" in step:
            env = {**scope.env, **{k: scope.sub(v, self) for k, v in step.get("env", {}).items()}}
            return self._bash(scope.sub(step["run"], self), step.get("shell"), env, action_path)
        uses = step["uses"]
        folder = self.workspace / uses if uses.startswith("./") else self.actions.get(uses.split("@")[0])
        if folder is not None:
            return self.composite(folder, given)
        return StepResult("success", self.emulated[uses.split("@")[0]](given, self))

    def composite(self, folder: Path, given: dict[str, str]) -> StepResult:
        """A composite action: its inputs (defaults, then `with:`), steps and outputs."""
        action = yaml.safe_load((folder / "action.yml").read_text(encoding="utf-8"))
        assert action["runs"]["using"] == "composite"
        unknown = set(given) - set(action.get("inputs", {}))
        assert not unknown, f"inputs the action does not declare: {unknown}"
        inputs = {k: str(spec.get("default", "")) for k, spec in action.get("inputs", {}).items()}
        scope = _Scope(inputs={**inputs, **given}, env={})
        ok = self.steps(action["runs"]["steps"], scope, action_path=folder)
        outputs = {k: scope.sub(spec["value"], self) for k, spec in action.get("outputs", {}).items()}
        return StepResult("success" if ok else "failure", outputs)

    def _bash(self, script: str, shell: str | None, env: dict[str, str], action_path: Path | None) -> StepResult:
        self.temp.mkdir(parents=True, exist_ok=True)
        out_file = self.temp / f"output-{len(self.ran)}"
        out_file.write_text("", encoding="utf-8")
        script_file = self.temp / f"step-{len(self.ran)}.sh"
        script_file.write_text(script, encoding="utf-8")
        # the runner's own command lines for `shell: bash` and for no shell given
        argv = (["bash", "--noprofile", "--norc", "-eo", "pipefail"] if shell == "bash" else ["bash", "-e"])
        full = {**self.env, **env, "GITHUB_OUTPUT": str(out_file), "GITHUB_STEP_SUMMARY": str(self.summary),
                "GITHUB_WORKSPACE": str(self.workspace), "RUNNER_TEMP": str(self.temp),
                "GITHUB_ACTIONS": "true", "CI": "true"}
        if action_path is not None:
            full["GITHUB_ACTION_PATH"] = str(action_path)
        proc = subprocess.run([*argv, str(script_file)], cwd=self.workspace, env=full, capture_output=True,
                              text=True, timeout=300)
        outputs = dict(line.split("=", 1) for line in out_file.read_text(encoding="utf-8").splitlines() if line)
        return StepResult("success" if proc.returncode == 0 else "failure", outputs, proc.stdout, proc.stderr)


@dataclass
class _Scope:
    """What expressions see inside one workflow job or one composite action."""

    inputs: dict[str, str]
    env: dict[str, str]
    steps: dict[str, StepResult] = field(default_factory=dict)

    def sub(self, value: object, runner: Runner) -> str:
        return EXPR.sub(lambda m: self.value(m.group(1), runner), str(value))

    def value(self, expr: str, runner: Runner) -> str:
        parts = expr.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            return self.inputs[parts[1]]
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.steps[parts[1]].outputs.get(parts[3], "")
        if parts[0] == "steps" and len(parts) == 3 and parts[2] == "outcome":
            return self.steps[parts[1]].outcome
        if expr == "runner.temp":
            return str(runner.temp)
        if expr == "github.workspace":
            return str(runner.workspace)
        raise AssertionError(f"expression ${{{{ {expr} }}}} is not supported by the test runner")


def machine_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a step starts from: this one, less what would point at this checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT")}
    return {**env, **(extra or {})}
