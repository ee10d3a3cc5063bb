"""The Git probe's parts without a real repository: a file system that refuses or fails (chmod
denies root nothing), the readers of Git's files, the cache window, the probe's inputs; and the
probe with no git reachable (an empty PATH), as the user nobody, and never starting a process."""

from __future__ import annotations

import ast
import calendar
import errno
import json
import os
import sys
import re
import unittest
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _git_probe_support import SRC, GitWorld, SchemaValidator, can_drop_privileges, need, run_python  # noqa: E402

from sourceos_contracts.git_probe import GitProbeCache, GitProbeRefusal, probe_git_workspace, read_git_facts  # noqa: E402
from sourceos_contracts.git_probe import git_files  # noqa: E402
from sourceos_contracts.git_probe.git_files import (  # noqa: E402
    Head,
    branch_of,
    find_packed_ref,
    head_sha_of,
    parse_git_config,
    parse_git_file,
    parse_head,
)

if TYPE_CHECKING:
    from sourceos_contracts.git_probe._fs import EntryKind

SHA = "a" * 40


def _errno(name: str) -> OSError:
    code = getattr(errno, name)
    return OSError(code, os.strerror(code))


class FakeFs:
    """Folders end with '/', files map to text; an OSError is raised on access."""

    def __init__(self, entries: dict[str, str | OSError]) -> None:
        self.entries = entries

    def _at(self, p: str) -> str | OSError | None:
        return self.entries.get(p, self.entries.get(p + "/"))

    def kind(self, path: str) -> EntryKind | None:
        e = self._at(path)
        if e is None:
            raise _errno("ENOENT")
        if isinstance(e, OSError):
            raise e
        return "file" if path in self.entries else "directory"

    def read_text(self, path: str) -> str:
        e = self.entries.get(path)
        if e is None:
            raise _errno("ENOENT" if path + "/" not in self.entries else "EISDIR")
        if isinstance(e, OSError):
            raise e
        return e

    def realpath(self, path: str) -> str:
        return path


def repo(**extra: str | OSError) -> FakeFs:
    entries: dict[str, str | OSError] = {
        "/r/": "", "/r/.git/": "", "/r/.git/HEAD": "ref: refs/heads/main\n", "/r/.git/objects/": "", "/r/.git/refs/": "",
        "/r/.git/refs/heads/main": SHA + "\n", "/r/.git/config": '[remote "origin"]\n\turl = x\n',
    }  # fmt: skip
    entries.update(extra)
    return FakeFs(entries)


class FailingFileSystem(unittest.TestCase):
    def test_a_healthy_fake_repository_is_read_like_a_real_one(self) -> None:
        f = read_git_facts("/r", repo())
        self.assertEqual((f.git_dir_found, f.branch, f.head_sha, f.remote_state, f.at_worktree_root), (True, "main", SHA, "available", True))

    def test_eacces_and_eperm_are_permission_denied_with_a_reason_that_names_no_path(self) -> None:
        for what, key, error in (
            ("the path itself", "/r/", "EACCES"),
            ("the .git folder", "/r/.git/", "EACCES"),
            ("HEAD", "/r/.git/HEAD", "EACCES"),
            ("config", "/r/.git/config", "EPERM"),
            ("the branch ref", "/r/.git/refs/heads/main", "EACCES"),
        ):
            with self.subTest(what):
                fs = repo(**{key: _errno(error)})
                facts = read_git_facts("/r", fs)
                self.assertTrue(facts.permission_denied)
                self.assertRegex(facts.failure_reason or "", error)
                self.assertNotIn("/r", facts.failure_reason or "")
                requested = probe_git_workspace("/r", "user_requested_command", fs=fs, cache=False, home_dir=None)
                self.assertEqual((requested["state"], requested["severity"], requested["actionability"]), ("permission_denied", "error", "blocked"))
                passive = probe_git_workspace("/r", fs=fs, cache=False, home_dir=None)
                self.assertEqual((passive["state"], passive["severity"], passive["actionability"]), ("permission_denied", "warning", "blocked"))
                self.assertEqual(passive["gitFacts"]["remoteState"], "unknown")

    def test_an_io_error_or_a_head_that_is_a_folder_is_corruption(self) -> None:
        facts = read_git_facts("/r", repo(**{"/r/.git/HEAD": _errno("EIO")}))
        self.assertEqual((facts.corrupt, facts.failure_reason), (True, "HEAD: EIO"))
        fs = repo()
        del fs.entries["/r/.git/HEAD"]
        fs.entries["/r/.git/HEAD/"] = ""
        self.assertEqual((read_git_facts("/r", fs).corrupt, read_git_facts("/r", fs).failure_reason), (True, "HEAD: EISDIR"))

    def test_an_unknown_error_at_the_path_itself_is_not_a_repository_with_the_reason(self) -> None:
        facts = read_git_facts("/r", repo(**{"/r/": _errno("ELOOP")}))
        self.assertEqual((facts.git_dir_found, facts.failure_reason), (False, "the path: ELOOP"))


class ReadersOfGitFiles(unittest.TestCase):
    def test_white_space_and_any_character_are_ecmascripts(self) -> None:
        js_space = set("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | {chr(c) for c in range(0x2000, 0x200B)}
        space, not_space, dot = (re.compile(p) for p in (git_files._S, git_files._NOT_S, git_files._DOT))
        for c in map(chr, [*range(0x10000), 0x1F600, 0x10FFFF]):
            self.assertEqual(space.fullmatch(c) is not None, c in js_space, hex(ord(c)))
            self.assertEqual(not_space.fullmatch(c) is not None, c not in js_space, hex(ord(c)))
            self.assertEqual(dot.fullmatch(c) is not None, c not in "\n\r\u2028\u2029", hex(ord(c)))
        self.assertEqual(git_files.js_trim("\ufeff\x1c a \u3000\n"), "\x1c a")

    def test_git_files(self) -> None:
        self.assertEqual(parse_git_file("gitdir: ../.git/modules/sub\n"), "../.git/modules/sub")
        self.assertEqual(parse_git_file("gitdir:/abs/path with space\r\n"), "/abs/path with space")
        self.assertIsNone(parse_git_file("hello"))
        self.assertIsNone(parse_git_file("gitdir: \n"))
        self.assertIsNone(parse_git_file("gitdir: a\rb\n"))  # ECMAScript's '.' stops at \r

    def test_head(self) -> None:
        self.assertEqual(parse_head("ref: refs/heads/feature/x\n"), Head("ref", "refs/heads/feature/x"))
        self.assertEqual(parse_head(SHA + "\n"), Head("commit", SHA))
        self.assertEqual(parse_head("b" * 64), Head("commit", "b" * 64))
        for garbage in ("", "garbage", f"{SHA}\nmore\n", "ref: heads/main", "ABC", SHA + "\n\n", "ref: refs/heads/a\u00a0b", "ref: refs/heads/a\ufeff"):
            self.assertEqual(parse_head(garbage), Head("garbage"), repr(garbage))
        # \x1c is white space to Python's \s but not to ECMAScript's: a branch name here, as in the TypeScript probe.
        self.assertEqual(parse_head("ref: refs/heads/a\x1cb"), Head("ref", "refs/heads/a\x1cb"))
        self.assertEqual(branch_of("refs/heads/feature/x"), "feature/x")
        self.assertEqual(head_sha_of("c" * 64), "c" * 40)

    def test_packed_refs(self) -> None:
        text = f"# pack-refs with: peeled fully-peeled sorted\n{SHA} refs/heads/main\n^{'d' * 40}\n{'e' * 40} refs/tags/v1\n"
        self.assertEqual(find_packed_ref(text, "refs/heads/main"), SHA)
        self.assertIsNone(find_packed_ref(text, "refs/heads/other"))

    def test_config_core_bare_and_remotes_with_a_url(self) -> None:
        c = parse_git_config('[core]\n\tbare = true\n[remote "origin"]\n\turl = https://x\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n')
        self.assertEqual((c.bare, c.remotes), (True, ("origin",)))
        c = parse_git_config('[Core]\n\tBare = FALSE ; comment\n[remote "no-url"]\n\tfetch = x\n')
        self.assertEqual((c.bare, c.remotes), (False, ()))
        c = parse_git_config('[core]\n\tbare\n[remote "a \\"q\\""]\nurl=u\n')
        self.assertEqual((c.bare, c.remotes), (True, ('a "q"',)))
        self.assertEqual(parse_git_config("# nothing\n"), parse_git_config(""))
        self.assertEqual(parse_git_config('[remote "x"]\n\turl = ""\n[remote "y"]\n\turl = "u" # c\n').remotes, ("y",))


class CacheWindow(unittest.TestCase):
    def test_serves_within_the_window_drops_after_and_when_the_clock_goes_back_keeps_at_most_max_entries(self) -> None:
        cache = GitProbeCache(ttl_seconds=1, max_entries=2)
        cache.set("a", 1, 10.0)
        self.assertEqual(cache.get("a", 10.999), 1)
        self.assertIsNone(cache.get("a", 11.0))
        cache.set("a", 1, 10.0)
        self.assertIsNone(cache.get("a", 9.999))
        for key, value in (("a", 1), ("b", 2), ("c", 3)):
            cache.set(key, value, 0.0)
        self.assertEqual([cache.get("a", 0.001), cache.get("b", 0.001), cache.get("c", 0.001), len(cache)], [None, 2, 3, 2])

    def test_repeated_probes_of_one_resolved_path_return_the_first_document_within_five_seconds(self) -> None:
        clock = [float(calendar.timegm((2026, 11, 29, 20, 0, 0)))]
        minted = iter(f"n-{i}" for i in range(1, 10))
        cache = GitProbeCache()
        options = dict(fs=repo(), cache=cache, now=lambda: clock[0], mint_id=lambda: next(minted), home_dir=None)
        first = probe_git_workspace("/r", **options)  # type: ignore[arg-type]
        clock[0] += 4.75
        again = probe_git_workspace("/r/./", cwd="/elsewhere", **options)  # type: ignore[arg-type]
        self.assertEqual(again, first)
        again["gitFacts"]["branch"] = "changed by the caller"
        self.assertEqual(probe_git_workspace("/r", **options)["gitFacts"]["branch"], "main")  # type: ignore[arg-type]
        other = probe_git_workspace("/r", "user_requested_command", **options)  # type: ignore[arg-type]
        self.assertEqual(other["id"], "urn:srcos:git-workspace-state:n-2")
        clock[0] += 0.25
        later = probe_git_workspace("/r", **options)  # type: ignore[arg-type]
        self.assertEqual((later["id"], later["capturedAt"]), ("urn:srcos:git-workspace-state:n-3", "2026-11-29T20:00:05Z"))
        self.assertEqual(first["capturedAt"], "2026-11-29T20:00:00Z")

    def test_the_process_cache_is_used_unless_cache_is_false(self) -> None:
        fs = repo()
        a = probe_git_workspace("/r", fs=fs)
        self.assertEqual(probe_git_workspace("/r", fs=fs)["id"], a["id"])
        self.assertNotEqual(probe_git_workspace("/r", fs=fs, cache=False)["id"], a["id"])


class ProbeInputs(unittest.TestCase):
    def test_ids_are_random_uuids_under_the_urn_prefix(self) -> None:
        ids = {probe_git_workspace("/r", fs=repo(), cache=False)["id"] for _ in range(3)}
        self.assertEqual(len(ids), 3)
        for i in ids:
            self.assertRegex(i, r"^urn:srcos:git-workspace-state:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

    def test_the_home_folder_is_shown_as_tilde_a_relative_path_is_resolved_against_cwd_and_an_alias_wins(self) -> None:
        d = probe_git_workspace("r", fs=repo(), cache=False, cwd="/", home_dir="/")
        self.assertEqual((d["pathEvidence"]["redaction"], d["pathEvidence"]["redactedPathHint"]), ("user_home_redacted", "~/r"))
        d = probe_git_workspace("/r/.git/..", fs=repo(), cache=False, home_dir="/", workspace_alias=("/r", "app"))
        self.assertEqual((d["pathEvidence"]["redaction"], d["pathEvidence"]["redactedPathHint"], d["state"]), ("workspace_alias", "app", "repo_root"))

    def test_wrong_arguments_raise_value_error_and_a_bad_path_never_raises(self) -> None:
        with self.assertRaises(ValueError):
            probe_git_workspace("/r", "rm -rf", fs=repo())
        with self.assertRaises(ValueError):
            probe_git_workspace("/r", fs=repo(), home_dir="relative")
        with self.assertRaises(ValueError):
            probe_git_workspace("/r", fs=repo(), workspace_alias=("rel", "x"))
        with self.assertRaises(TypeError):
            probe_git_workspace(b"/r", fs=repo())  # type: ignore[arg-type]
        d = probe_git_workspace("/tmp/a\0b", cache=False)
        self.assertEqual((d["state"], d["gitFacts"]["failureReason"]), ("not_a_repo", "the path: ERR_INVALID_ARG_VALUE"))
        d = probe_git_workspace("/" + "x" * 5000, cache=False)
        self.assertEqual((d["state"], d["gitFacts"]["failureReason"]), ("not_a_repo", "the path: ENAMETOOLONG"))


class ReferenceOverrides(unittest.TestCase):
    def test_the_references_given_are_written_and_the_others_keep_their_defaults(self) -> None:
        d = probe_git_workspace("/r", fs=repo(), cache=False, session_ref="urn:srcos:session:t-1", policy_decision_ref="urn:srcos:decision:p")
        self.assertEqual(
            [d["sessionRef"], d["workspaceRef"], d["capabilityLedgerRef"], d["policyDecisionRef"], d["agentMachineReceiptRef"], d["causalRefs"]],
            ["urn:srcos:session:t-1", "urn:srcos:workspace:local", "urn:srcos:capability-ledger:local", "urn:srcos:decision:p", None, []],
        )
        self.assertEqual(d["evidenceRefs"], [d["pathEvidence"]["pathDigest"]])
        d = probe_git_workspace("/r", fs=repo(), cache=False, causal_refs=("urn:srcos:event:e",), evidence_refs=["sha256:" + "0" * 64], agent_machine_receipt_ref="urn:srcos:agent-machine-receipt:m")
        self.assertEqual([d["causalRefs"], d["evidenceRefs"], d["agentMachineReceiptRef"]], [["urn:srcos:event:e"], ["sha256:" + "0" * 64], "urn:srcos:agent-machine-receipt:m"])
        self.assertEqual(probe_git_workspace("/r", fs=repo(), cache=False, evidence_refs=[])["evidenceRefs"], [d["pathEvidence"]["pathDigest"]])

    def test_a_reference_the_document_refuses_is_refused_with_its_issues_never_a_crash(self) -> None:
        refused: list[tuple[str, str]] = []
        for options in (
            {"session_ref": "urn:srcos:session:a b"}, {"workspace_ref": ""}, {"capability_ledger_ref": "urn:srcos:session:x"}, {"policy_decision_ref": 5},
            {"session_ref": ["urn:srcos:session:x"]}, {"workspace_ref": {"a": 1}}, {"agent_machine_receipt_ref": b"x"}, {"session_ref": float("nan")},
            {"causal_refs": "urn:srcos:event:e"}, {"evidence_refs": [1]}, {"causal_refs": [""]}, {"causal_refs": {"a"}},
        ):  # fmt: skip
            with self.subTest(options=options), self.assertRaises(GitProbeRefusal) as caught:
                probe_git_workspace("/r", fs=repo(), **options)  # type: ignore[arg-type]
            self.assertEqual(caught.exception.code, "git/invalid-input")
            refused.append((str(caught.exception), caught.exception.message))
        message = "the GitWorkspaceState this transition would emit is invalid: /sessionRef schema/pattern"
        self.assertEqual(refused[0], (f"git/invalid-input: {message}", message))
        self.assertEqual(refused[8][1], "a probe: causal_refs must be a list of strings")
        self.assertIsInstance(GitProbeRefusal("c", "m"), ValueError)

    def test_the_cache_tells_probes_apart_by_their_references(self) -> None:
        cache = GitProbeCache()
        first = probe_git_workspace("/r", fs=repo(), cache=cache, session_ref="urn:srcos:session:a")
        self.assertEqual(probe_git_workspace("/r", fs=repo(), cache=cache, session_ref="urn:srcos:session:a")["id"], first["id"])
        other = probe_git_workspace("/r", fs=repo(), cache=cache, session_ref="urn:srcos:session:b")
        self.assertNotEqual(other["id"], first["id"])
        self.assertEqual(other["sessionRef"], "urn:srcos:session:b")
        self.assertNotEqual(probe_git_workspace("/r", fs=repo(), cache=cache)["id"], first["id"])


class NoGitNoProcess(unittest.TestCase):
    world: GitWorld

    @classmethod
    def setUpClass(cls) -> None:
        cls.world = GitWorld()
        cls.world.repo("repo")
        cls.world.mkdirs("locked")
        cls.world.repo("locked/repo")
        os.chmod(cls.world.path("locked"), 0o700)
        cls.world.repo("hidden")
        cls.world.mkdirs("hidden", "sub")
        os.chmod(cls.world.path("hidden", ".git"), 0o700)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.world.cleanup()

    def _probe_in_child(self, target: str, operation: str, env: dict[str, str], as_nobody: bool = False) -> dict[str, object]:
        code = "import json; from sourceos_contracts.git_probe import probe_git_workspace as p; print(json.dumps(p(sys.argv[2], sys.argv[3], home_dir=None)))"
        done = run_python(code.replace("sys.argv[2]", repr(target)).replace("sys.argv[3]", repr(operation)), env=env, as_nobody=as_nobody)
        self.assertEqual(done.returncode, 0, done.stderr)
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    def test_with_an_empty_path_and_with_a_git_that_fails_the_probe_answers_the_same_and_runs_nothing(self) -> None:
        w = self.world
        fake_bin = w.mkdirs("fake-bin")
        calls = w.path("git-calls")
        with open(os.path.join(fake_bin, "git"), "w", encoding="utf-8") as file:
            file.write(f'#!/bin/sh\necho "$@" >> {calls}\nexit 1\n')
        os.chmod(os.path.join(fake_bin, "git"), 0o755)
        here = probe_git_workspace(w.path("repo"), "agent_requested_command", cache=False, home_dir=None)
        environments: list[dict[str, str]] = [{"PATH": ""}, {}, {"PATH": fake_bin}]
        for env in environments:
            with self.subTest(env=env):
                there = self._probe_in_child(w.path("repo"), "agent_requested_command", env)
                self.assertEqual(({**there, "id": 0, "capturedAt": 0}), {**here, "id": 0, "capturedAt": 0})
                self.assertEqual(there["state"], "repo_root")
        self.assertFalse(os.path.exists(calls))

    def test_a_probe_loads_no_module_that_starts_processes(self) -> None:
        code = "from sourceos_contracts.git_probe import probe_git_workspace as p; p('/'); p(sys.argv[1]); print(sorted(set(sys.modules) & {'subprocess', 'multiprocessing', 'pty', 'asyncio'}))"
        done = run_python(code.replace("sys.argv[1]", repr(self.world.path("repo"))), env={})
        self.assertEqual((done.returncode, done.stdout.strip(), done.stderr), (0, "[]", ""))

    def test_no_module_of_the_probe_starts_a_process(self) -> None:
        forbidden = {"subprocess", "multiprocessing", "pty", "shutil"}
        for file in (SRC / "sourceos_contracts" / "git_probe").glob("*.py"):
            tree = ast.parse(file.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = [a.name for a in node.names] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
                module = node.module if isinstance(node, ast.ImportFrom) else None
                for name in [*names, module]:
                    self.assertNotIn((name or "").split(".")[0], forbidden, file.name)
                if isinstance(node, ast.Attribute):
                    self.assertNotIn(node.attr, {"system", "popen", "spawnv", "spawnl", "execv", "execvp", "fork", "posix_spawn"}, file.name)

    def test_as_an_unprivileged_user_an_unreadable_folder_or_git_directory_is_permission_denied(self) -> None:
        need(can_drop_privileges(), "not root, or setpriv cannot run python as nobody: chmod denies root nothing")
        w = self.world
        schema = SchemaValidator()
        for target in (w.path("locked", "repo"), w.path("hidden"), w.path("hidden", "sub")):
            with self.subTest(target=target):
                passive = self._probe_in_child(target, "passive_discovery", {}, as_nobody=True)
                requested = self._probe_in_child(target, "user_requested_command", {}, as_nobody=True)
                self.assertEqual((passive["state"], passive["severity"], passive["actionability"]), ("permission_denied", "warning", "blocked"))
                self.assertEqual((requested["state"], requested["severity"], requested["actionability"]), ("permission_denied", "error", "blocked"))
                self.assertRegex(str(passive["gitFacts"]["failureReason"]), "EACCES")  # type: ignore[index]
                self.assertEqual(schema.errors(passive), [])
        self.assertEqual(self._probe_in_child(w.path("repo"), "passive_discovery", {}, as_nobody=True)["state"], "repo_root")


if __name__ == "__main__":
    unittest.main()
