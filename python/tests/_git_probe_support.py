"""Support for the Git probe's tests: real repositories made with the git binary in a temporary
folder (the shapes test/node/support/git-repos.ts builds), what git itself says about a path (the
oracle), and a validator of GitWorkspaceState documents from schemas/ (Debian's python3-jsonschema).
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent.parent
SRC = TESTS.parent / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

SCHEMAS = REPO / "schemas"
CI = bool(os.environ.get("CI"))
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")


def need(condition: bool, message: str) -> None:
    """Skips the test when ``condition`` is false, or fails it under CI, where everything must run."""
    if condition:
        return
    if CI:
        raise AssertionError(f"required under CI: {message}")
    raise unittest.SkipTest(message)


def load_schema(name: str) -> dict[str, Any]:
    with open(SCHEMAS / name, encoding="utf-8") as file:
        return json.load(file)  # type: ignore[no-any-return]


def _import_jsonschema() -> Any:
    try:
        return importlib.import_module("jsonschema")
    except ImportError:
        # Run with -I -S, the interpreter sees no site-packages: Debian's are looked for by name.
        sys.path.append("/usr/lib/python3/dist-packages")
        try:
            return importlib.import_module("jsonschema")
        except ImportError:
            return None


class SchemaValidator:
    """Errors of a document against schemas/git-workspace-state.schema.json (and defs.schema.json)."""

    def __init__(self) -> None:
        jsonschema = _import_jsonschema()
        need(jsonschema is not None, "python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        schema, defs = load_schema("git-workspace-state.schema.json"), load_schema("defs.schema.json")
        cls = jsonschema.Draft202012Validator
        try:
            from referencing import Registry, Resource  # type: ignore[import]
        except ImportError:
            resolver = jsonschema.RefResolver.from_schema(schema, store={defs["$id"]: defs})
            self._validator = cls(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())
        else:
            registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in (schema, defs)])
            self._validator = cls(schema, registry=registry, format_checker=jsonschema.FormatChecker())

    def errors(self, document: Any) -> list[str]:
        found = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in self._validator.iter_errors(document)]
        # Debian's jsonschema checks no date-time without an optional module: checked here.
        if isinstance(document, dict) and not DATE_TIME.match(str(document.get("capturedAt"))):
            found.append(f"capturedAt: not a timestamp: {document.get('capturedAt')!r}")
        return found


_GIT_ENV_KEEP = ("PATH",)


class GitWorld:
    """A temporary folder (mode 0755) where repositories are made with git, without this machine's configuration."""

    def __init__(self) -> None:
        need(shutil.which("git") is not None, "git is not installed")
        self.root = tempfile.mkdtemp(prefix="git-probe-py-")
        os.chmod(self.root, 0o755)
        home = os.path.join(self.root, ".home")
        os.mkdir(home)
        self.env = {k: os.environ[k] for k in _GIT_ENV_KEEP if k in os.environ}
        self.env.update(
            HOME=home,
            GIT_CONFIG_NOSYSTEM="1",
            GIT_AUTHOR_NAME="Probe Test",
            GIT_AUTHOR_EMAIL="probe@example.invalid",
            GIT_COMMITTER_NAME="Probe Test",
            GIT_COMMITTER_EMAIL="probe@example.invalid",
        )

    def path(self, *parts: str) -> str:
        return os.path.join(self.root, *parts)

    def git(self, cwd: str, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["git", "-c", "init.defaultBranch=main", *args],
            cwd=os.path.join(self.root, cwd), env=self.env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if check and done.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout.strip()

    def repo(self, name: str, remote: bool = True) -> str:
        """A repository with one commit (and a remote unless ``remote`` is false)."""
        self.git(".", "init", "-q", name)
        self.write(f"{name}/README.md", f"# {name}\n")
        self.git(name, "add", "README.md")
        self.git(name, "commit", "-q", "-m", "first")
        if remote:
            self.git(name, "remote", "add", "origin", "https://example.invalid/x.git")
        return self.path(name)

    def write(self, relative: str, text: str) -> str:
        target = self.path(relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as file:
            file.write(text)
        return target

    def mkdirs(self, *parts: str) -> str:
        target = self.path(*parts)
        os.makedirs(target, exist_ok=True)
        return target

    def git_says(self, target: str) -> dict[str, Any] | None:
        """What git says about a path (as the probe's facts), or None when it is not a repository."""
        cwd = target if os.path.isdir(target) else os.path.dirname(target)

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(["git", *args], cwd=cwd, env=self.env, capture_output=True, text=True)

        inside = run("rev-parse", "--is-inside-git-dir")
        if inside.returncode != 0:
            return None
        ref = run("symbolic-ref", "-q", "HEAD").stdout.strip()
        head = run("rev-parse", "-q", "--verify", "HEAD").stdout.strip()
        return {
            "insideGitDir": inside.stdout.strip() == "true",
            "bare": run("rev-parse", "--is-bare-repository").stdout.strip() == "true",
            "branch": ref.removeprefix("refs/heads/") or None,
            "headSha": head or None,
        }

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def run_python(code: str, *, env: dict[str, str], as_nobody: bool = False) -> subprocess.CompletedProcess[str]:
    """Runs ``code`` in a fresh ``python3 -I -S`` that finds the package in python/src (given as argv[1])."""
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if as_nobody else []
    driver = f"import sys; sys.path.insert(0, sys.argv[1]); {code}"
    return subprocess.run([*prefix, python_for(as_nobody), "-I", "-S", "-c", driver, str(SRC)], env=env, capture_output=True, text=True, timeout=60)


def python_for(as_nobody: bool) -> str:
    """This interpreter, or Debian's when the user nobody cannot run this one."""
    if not as_nobody:
        return sys.executable
    for candidate in (sys.executable, "/usr/bin/python3"):
        probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", candidate, "-I", "-S", "-c", "0"], capture_output=True)
        if probe.returncode == 0:
            return candidate
    return sys.executable


def can_drop_privileges() -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", python_for(True), "-I", "-S", "-c", "0"], capture_output=True)
    return done.returncode == 0
