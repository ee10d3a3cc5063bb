"""probe_git_workspace on real repositories made with git: every state, read from the file system
alone, classified as the machine defines it (passive probe, watcher refresh, requested command),
valid against the schema, and its branch, HEAD and bareness checked against what git says."""

from __future__ import annotations

import json
import os
import shutil
import sys
import unittest
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _git_probe_support import GitWorld, SchemaValidator  # noqa: E402

from sourceos_contracts.git_probe import probe_git_workspace, read_git_facts  # noqa: E402

Reaction = tuple[str, str, bool]
QUIET_ROOT: tuple[Reaction, Reaction] = (("debug", "none", False), ("info", "none", False))
EXPECTED_NO: tuple[Reaction, Reaction] = (("info", "none", True), ("warning", "remediation_hint", False))
CORRUPT: tuple[Reaction, Reaction] = (("warning", "quarantined", False), ("error", "quarantined", False))
NOT_REPO: tuple[Reaction, Reaction] = (("info", "none", True), ("error", "blocked", False))


@dataclass(frozen=True)
class Case:
    name: str
    state: str
    reactions: tuple[Reaction, Reaction]
    oracle: bool
    set_up: Callable[[GitWorld], str]


def _worktree(w: GitWorld, main: str, *args: str) -> str:
    w.git(w.repo(main), "worktree", "add", "-q", *args)
    return w.path(args[-1])


def _submodule(w: GitWorld, lib: str, sup: str) -> str:
    w.repo(lib, remote=False)
    w.repo(sup)
    w.git(sup, "-c", "protocol.file.allow=always", "submodule", "add", "-q", w.path(lib), "sub")
    return w.path(sup, "sub")


def _conflict(w: GitWorld, name: str) -> str:
    """A repository whose branches main and other change README.md differently."""
    w.repo(name)
    w.git(name, "checkout", "-q", "-b", "other")
    w.write(f"{name}/README.md", "other\n")
    w.git(name, "commit", "-q", "-am", "other")
    w.git(name, "checkout", "-q", "main")
    w.write(f"{name}/README.md", "main\n")
    w.git(name, "commit", "-q", "-am", "main")
    return w.path(name)


def _merging(w: GitWorld) -> str:
    _conflict(w, "merging")
    w.git("merging", "merge", "-q", "other", check=False)
    assert os.path.exists(w.path("merging", ".git", "MERGE_HEAD"))
    return w.path("merging")


def _rebasing(w: GitWorld) -> str:
    _conflict(w, "rebasing")
    w.git("rebasing", "rebase", "other", check=False)
    assert os.path.isdir(w.path("rebasing", ".git", "rebase-merge")) or os.path.isdir(w.path("rebasing", ".git", "rebase-apply"))
    return w.path("rebasing")


def _sparse(w: GitWorld) -> str:
    w.repo("sparse")
    w.write("sparse/keep/a.txt", "a\n")
    w.write("sparse/drop/b.txt", "b\n")
    w.git("sparse", "add", ".")
    w.git("sparse", "commit", "-q", "-m", "two folders")
    w.git("sparse", "sparse-checkout", "set", "keep")
    return w.path("sparse")


def _garbage_head(w: GitWorld) -> str:
    w.repo("garbage")
    w.write("garbage/.git/HEAD", "not a ref\n")
    return w.path("garbage")


def _symlink_to_repo(w: GitWorld) -> str:
    os.symlink(w.repo("linked"), w.path("link-to-repo"))
    return w.path("link-to-repo")


def _symlink_out(w: GitWorld) -> str:
    w.repo("linkout")
    os.symlink(w.mkdirs("outside"), w.path("linkout", "out"))
    return w.path("linkout", "out")


def _no_objects(w: GitWorld) -> str:
    shutil.rmtree(w.repo("noobjects") + "/.git/objects")
    return w.path("noobjects")


def _no_head(w: GitWorld) -> str:
    os.remove(w.repo("nohead") + "/.git/HEAD")
    return w.path("nohead")


def _gitdir_gone(w: GitWorld) -> str:
    _worktree(w, "main4", "-b", "feat4", w.path("wt4"))
    shutil.rmtree(w.path("main4"))
    return w.path("wt4")


def _vanished(w: GitWorld) -> str:
    os.rename(w.repo("vanishing"), w.path("moved-away"))
    return w.path("vanishing")


def _mkdir(w: GitWorld, *parts: str) -> str:
    return w.mkdirs(*parts)


CASES: tuple[Case, ...] = (
    Case("the root of a repository with a remote", "repo_root", QUIET_ROOT, True, lambda w: w.repo("root")),
    Case("a folder nested in a work tree", "inside_worktree", QUIET_ROOT, True, lambda w: (w.repo("nested"), w.mkdirs("nested", "a", "b"))[1]),
    Case("a file at the root (probed as its folder)", "repo_root", QUIET_ROOT, False, lambda w: w.repo("file") + "/README.md"),
    Case("a file in a nested folder", "inside_worktree", QUIET_ROOT, False, lambda w: (w.repo("nfile"), w.write("nfile/a/b.txt", "b\n"))[1]),
    Case("a symbolic link to a repository", "repo_root", QUIET_ROOT, True, _symlink_to_repo),
    Case("a symbolic link in a repository to a folder outside", "not_a_repo", NOT_REPO, True, _symlink_out),
    Case("a folder with spaces and accents in its name", "repo_root", QUIET_ROOT, True, lambda w: w.repo("with space/ünïcode")),
    Case("refs packed (HEAD resolved from packed-refs)", "repo_root", QUIET_ROOT, True, lambda w: (w.repo("packed"), w.git("packed", "pack-refs", "--all"), w.path("packed"))[2]),
    Case("a branch with a slash in its name", "repo_root", QUIET_ROOT, True, lambda w: (w.repo("slashed"), w.git("slashed", "checkout", "-q", "-b", "feature/x"), w.path("slashed"))[2]),
    Case("an unborn branch with a remote", "repo_root", QUIET_ROOT, True, lambda w: (w.git(".", "init", "-q", "unborn"), w.git("unborn", "remote", "add", "origin", "https://example.invalid/u.git"), w.path("unborn"))[2]),
    Case("the .git folder", "inside_git_dir", EXPECTED_NO, True, lambda w: w.repo("dotgit") + "/.git"),
    Case("a folder inside .git", "inside_git_dir", EXPECTED_NO, True, lambda w: w.repo("deepgit") + "/.git/refs/heads"),
    Case("a bare repository", "bare_repo", EXPECTED_NO, True, lambda w: (w.git(".", "init", "-q", "--bare", "bare.git"), w.path("bare.git"))[1]),
    Case("a folder inside a bare repository", "bare_repo", EXPECTED_NO, True, lambda w: (w.git(".", "init", "-q", "--bare", "bare2.git"), w.path("bare2.git", "objects"))[1]),
    Case("a bare clone (core.bare, a name without .git)", "bare_repo", EXPECTED_NO, True, lambda w: (w.git(".", "clone", "-q", "--bare", w.repo("origin1"), "mirror"), w.path("mirror"))[1]),
    Case("a shallow clone", "repo_root", QUIET_ROOT, True, lambda w: (w.git(".", "clone", "-q", "--depth", "1", "file://" + w.repo("deep"), "shallow"), w.path("shallow"))[1]),
    Case("a sparse checkout", "repo_root", QUIET_ROOT, True, _sparse),
    Case("a merge in progress (conflict)", "repo_root", QUIET_ROOT, True, _merging),
    Case("a rebase in progress (conflict: HEAD detached)", "detached_head", EXPECTED_NO, True, _rebasing),
    Case("a linked worktree", "repo_root", QUIET_ROOT, True, lambda w: _worktree(w, "main1", "-b", "feature", w.path("wt1"))),
    Case("the admin folder of a linked worktree", "inside_git_dir", EXPECTED_NO, True, lambda w: (_worktree(w, "main2", "-b", "feat2", w.path("wt2")), w.path("main2", ".git", "worktrees", "wt2"))[1]),
    Case("a folder nested in a linked worktree", "inside_worktree", QUIET_ROOT, True, lambda w: (_worktree(w, "main5", "-b", "feat5", w.path("wt5")), w.mkdirs("wt5", "deep"))[1]),
    Case("a detached linked worktree", "detached_head", EXPECTED_NO, True, lambda w: _worktree(w, "main3", "--detach", w.path("wt3"))),
    Case("a submodule (a .git file with a relative gitdir:)", "repo_root", QUIET_ROOT, True, lambda w: _submodule(w, "lib", "super")),
    # git itself answers from the submodule's core.worktree there (not inside its Git directory); the probe reads no core.worktree.
    Case("a submodule's Git directory", "inside_git_dir", EXPECTED_NO, False, lambda w: (_submodule(w, "lib2", "super2"), w.path("super2", ".git", "modules", "sub"))[1]),
    Case("a detached HEAD", "detached_head", EXPECTED_NO, True, lambda w: (w.git(w.repo("detached"), "checkout", "-q", "--detach"), w.path("detached"))[1]),
    Case("a detached HEAD without a remote", "detached_head", EXPECTED_NO, True, lambda w: (w.git(w.repo("detached2", remote=False), "checkout", "-q", "--detach"), w.path("detached2"))[1]),
    Case("a repository without a remote", "worktree_no_remote", EXPECTED_NO, True, lambda w: w.repo("noremote", remote=False)),
    Case("a new repository without a commit or a remote", "worktree_no_remote", EXPECTED_NO, True, lambda w: (w.git(".", "init", "-q", "fresh"), w.path("fresh"))[1]),
    Case("a corrupt repository: garbage in HEAD", "corrupt_repo", CORRUPT, False, _garbage_head),
    Case("a corrupt repository: no objects folder", "corrupt_repo", CORRUPT, False, _no_objects),
    Case("a corrupt repository: HEAD missing", "corrupt_repo", CORRUPT, False, _no_head),
    Case("a corrupt .git file (no gitdir: line)", "corrupt_repo", CORRUPT, False, lambda w: (w.write("badfile/.git", "hello\n"), w.path("badfile"))[1]),
    Case("a .git file naming a folder that is gone", "corrupt_repo", CORRUPT, False, _gitdir_gone),
    Case("a folder that is not a repository", "not_a_repo", NOT_REPO, True, lambda w: _mkdir(w, "plain", "folder")),
    Case("a path that does not exist", "not_a_repo", NOT_REPO, False, lambda w: w.path("no", "such", "path")),
    Case("a path that vanished", "not_a_repo", NOT_REPO, False, _vanished),
)


class RealRepositories(unittest.TestCase):
    world: GitWorld
    paths: dict[str, str]
    schema: SchemaValidator

    @classmethod
    def setUpClass(cls) -> None:
        cls.schema = SchemaValidator()
        cls.world = GitWorld()
        cls.paths = {case.name: case.set_up(cls.world) for case in CASES}

    @classmethod
    def tearDownClass(cls) -> None:
        cls.world.cleanup()

    def probe(self, target: str, operation: str) -> dict[str, object]:
        document = probe_git_workspace(target, operation, cache=False, home_dir=None)
        self.assertEqual(self.schema.errors(document), [], json.dumps(document))
        self.assertNotIn(self.world.root, json.dumps(document, ensure_ascii=False))
        return document

    def test_every_shape(self) -> None:
        for case in CASES:
            with self.subTest(case.name):
                target = self.paths[case.name]
                passive, watcher, requested = (self.probe(target, op) for op in ("passive_discovery", "watcher_refresh", "user_requested_command"))
                facts = read_git_facts(target)
                self.assertEqual([passive["state"], watcher["state"], requested["state"]], [case.state] * 3, facts)
                (p, r) = case.reactions
                self.assertEqual((passive["severity"], passive["actionability"], passive["expectedNegativeState"]), p)
                self.assertEqual((requested["severity"], requested["actionability"], requested["expectedNegativeState"]), r)
                if p[2]:
                    self.assertEqual(watcher["severity"], "debug")
                if not case.oracle:
                    continue
                says = self.world.git_says(target)
                if case.state == "not_a_repo":
                    self.assertIsNone(says)
                    continue
                assert says is not None
                self.assertEqual({"branch": facts.branch, "headSha": facts.head_sha, "bare": facts.bare, "insideGitDir": facts.inside_git_dir}, says)

    def test_linked_worktrees_and_submodules_are_reached_through_a_git_file(self) -> None:
        w = self.world
        self.assertTrue(os.path.isfile(w.path("wt1", ".git")))
        self.assertTrue(os.path.isfile(w.path("super", "sub", ".git")))
        self.assertTrue(os.path.isfile(w.path("main1", ".git", "worktrees", "wt1", "commondir")))
        self.assertEqual(read_git_facts(w.path("wt1")).branch, "feature")

    def test_a_sha256_repository_keeps_a_40_digit_head(self) -> None:
        w = self.world
        w.git(".", "init", "-q", "--object-format=sha256", "sha256repo", check=False)
        if not os.path.isdir(w.path("sha256repo", ".git")):
            self.skipTest("this git makes no SHA-256 repositories")
        w.write("sha256repo/a.txt", "a\n")
        w.git("sha256repo", "add", "a.txt")
        w.git("sha256repo", "commit", "-q", "-m", "a")
        full = w.git("sha256repo", "rev-parse", "HEAD")
        self.assertEqual(len(full), 64)
        document = self.probe(w.path("sha256repo"), "passive_discovery")
        self.assertEqual((document["state"], document["gitFacts"]["headSha"]), ("worktree_no_remote", full[:40]))  # type: ignore[index]

    def test_the_path_is_kept_as_digests_and_a_home_hint(self) -> None:
        w = self.world
        document = probe_git_workspace(self.paths["a folder nested in a work tree"], cache=False, home_dir=w.root)
        evidence, facts = document["pathEvidence"], document["gitFacts"]
        self.assertEqual((evidence["redactedPathHint"], evidence["redaction"]), ("~/nested/a/b", "user_home_redacted"))
        self.assertEqual(document["evidenceRefs"], [evidence["pathDigest"]])
        from sourceos_contracts.git_probe.path_evidence import path_digest

        self.assertEqual(facts["worktreeRootDigest"], path_digest(w.path("nested")))
        self.assertEqual(facts["gitDirDigest"], path_digest(w.path("nested", ".git")))
        self.assertEqual(evidence["pathDigest"], path_digest(w.path("nested", "a", "b") + "/"))


if __name__ == "__main__":
    unittest.main()
