"""Latency of probe_git_workspace without its cache, over a few repository shapes made with git in a
temporary folder: median and 90th percentile of many probes a shape, the cached probe beside them,
and the import of the probe in a fresh ``python3 -I -S``. Prints a table, then one JSON line.

    python3 -I -S python/bench/bench_probe.py [--probes N]

Target: median at most 5 ms a probe (a ``contracts git-state`` process is 190-700 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

from sourceos_contracts.git_probe import GitProbeCache, probe_git_workspace  # noqa: E402

TARGET_MEDIAN_MS = 5.0


def git(root: str, cwd: str, *args: str) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""), "HOME": root, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
        "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
    }  # fmt: skip
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=os.path.join(root, cwd), env=env, check=True, capture_output=True)


def make_shapes(root: str) -> dict[str, str]:
    """The shapes probed, by name: each a path in ``root``."""
    git(root, ".", "init", "-q", "repo")
    Path(root, "repo", "README.md").write_text("# repo\n", encoding="utf-8")
    git(root, "repo", "add", "README.md")
    git(root, "repo", "commit", "-q", "-m", "first")
    git(root, "repo", "remote", "add", "origin", "https://example.invalid/x.git")
    deep = os.path.join(root, "repo", *"abcdefgh")
    os.makedirs(deep)
    git(root, "repo", "worktree", "add", "-q", "-b", "feature", os.path.join(root, "linked"))
    git(root, "repo", "pack-refs", "--all")
    git(root, ".", "init", "-q", "--bare", "bare.git")
    plain = os.path.join(root, "plain", *"abcdefgh")
    os.makedirs(plain)
    return {
        "repository root (repo_root)": os.path.join(root, "repo"),
        "8 folders down a work tree (inside_worktree)": deep,
        "linked worktree, packed refs (repo_root)": os.path.join(root, "linked"),
        "inside .git (inside_git_dir)": os.path.join(root, "repo", ".git", "refs"),
        "bare repository (bare_repo)": os.path.join(root, "bare.git"),
        "a folder in no repository (not_a_repo)": plain,
        "a path that does not exist (not_a_repo)": os.path.join(root, "nothing", "here"),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def time_probes(target: str, probes: int, cache: bool | GitProbeCache) -> tuple[list[float], str]:
    state = probe_git_workspace(target, cache=cache)["state"]  # warm up (and fill the cache)
    times = []
    for _ in range(probes):
        start = time.perf_counter_ns()
        probe_git_workspace(target, cache=cache)
        times.append((time.perf_counter_ns() - start) / 1e6)
    return times, str(state)


def import_ms(runs: int = 15) -> float:
    code = "import time; t = time.perf_counter(); import sys; sys.path.insert(0, sys.argv[1]); import sourceos_contracts.git_probe; print((time.perf_counter() - t) * 1000)"
    return statistics.median(float(subprocess.run([sys.executable, "-I", "-S", "-c", code, str(SRC)], capture_output=True, text=True, check=True).stdout) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=2000, help="probes a shape (default 2000)")
    args = parser.parse_args()
    if shutil.which("git") is None:
        print("bench_probe: git is needed to make the repositories", file=sys.stderr)
        return 2
    root = tempfile.mkdtemp(prefix="bench-probe-")
    try:
        rows = []
        for name, target in make_shapes(root).items():
            uncached, state = time_probes(target, args.probes, False)
            cached, _ = time_probes(target, args.probes, GitProbeCache())
            rows.append({
                "shape": name, "state": state, "probes": args.probes,
                "median_ms": round(statistics.median(uncached), 4), "p90_ms": round(percentile(uncached, 0.9), 4),
                "cached_median_ms": round(statistics.median(cached), 4),
            })  # fmt: skip
    finally:
        shutil.rmtree(root, ignore_errors=True)
    imported = round(import_ms(), 2)
    width = max(len(r["shape"]) for r in rows)
    print(f"probe_git_workspace, {args.probes} probes a shape, Python {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"{'shape':<{width}}  {'median':>9}  {'p90':>9}  {'cached':>9}")
    for r in rows:
        print(f"{r['shape']:<{width}}  {r['median_ms']:>6.3f} ms  {r['p90_ms']:>6.3f} ms  {r['cached_median_ms'] * 1000:>6.1f} µs")
    print(f"import sourceos_contracts.git_probe (fresh python3 -I -S): {imported} ms")
    worst = max(r["median_ms"] for r in rows)
    print(f"target: median at most {TARGET_MEDIAN_MS} ms: {'met' if worst <= TARGET_MEDIAN_MS else 'NOT met'} (worst median {worst} ms)")
    print(json.dumps({
        "bench": "git-probe", "python": platform.python_version(), "cores": os.cpu_count(), "load": round(os.getloadavg()[0], 1),
        "target_median_ms": TARGET_MEDIAN_MS, "met": worst <= TARGET_MEDIAN_MS, "import_ms": imported, "shapes": rows,
    }))  # fmt: skip
    return 0 if worst <= TARGET_MEDIAN_MS else 1


if __name__ == "__main__":
    sys.exit(main())
