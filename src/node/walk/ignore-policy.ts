/**
 * Which paths a walk leaves out, and why: `--ignore` patterns, a `.contractsignore` in the working
 * folder and at the top of each scanned folder, and `.gitignore` files the way git reads them (the
 * deepest file with a matching rule decides; ancestors of the scanned folder count up to the top
 * of its git work tree).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RuleSet } from './rule-set.js';

export const CONTRACTSIGNORE = '.contractsignore';
export const GITIGNORE = '.gitignore';

/** A stack of `.gitignore` rule sets, deepest first, shared between sibling folders. */
export interface GitignoreFrame {
  rules: RuleSet;
  parent: GitignoreFrame | undefined;
}

export class IgnorePolicy {
  private readonly fixed: RuleSet[] = [];

  constructor(
    private readonly cwd: string,
    patterns: readonly string[],
    root: string | undefined,
  ) {
    const cwdIgnore = RuleSet.fromFile(path.join(cwd, CONTRACTSIGNORE), CONTRACTSIGNORE);
    if (cwdIgnore) this.fixed.push(cwdIgnore);
    if (root !== undefined && root !== cwd) {
      const rootIgnore = RuleSet.fromFile(path.join(root, CONTRACTSIGNORE), path.join(path.relative(cwd, root), CONTRACTSIGNORE));
      if (rootIgnore) this.fixed.push(rootIgnore);
    }
    if (patterns.length > 0) {
      const inside = root === undefined || !path.relative(cwd, root).startsWith('..');
      this.fixed.push(new RuleSet(inside ? cwd : root, [...patterns], '--ignore'));
    }
  }

  /** The reason a path is left out, or undefined when it is scanned. */
  reasonToIgnore(absolute: string, isDirectory: boolean, git: GitignoreFrame | undefined): string | undefined {
    for (const rules of this.fixed) {
      if (rules.test(absolute, isDirectory) === 'ignored') return `ignored by ${rules.origin}`;
    }
    for (let frame = git; frame; frame = frame.parent) {
      const verdict = frame.rules.test(absolute, isDirectory);
      if (verdict === 'ignored') return `ignored by ${frame.rules.origin}`;
      if (verdict === 'unignored') return undefined;
    }
    return undefined;
  }

  /** `.gitignore` frames of the folders above `dir`, up to the top of its git work tree. */
  ancestorGitignores(dir: string): GitignoreFrame | undefined {
    const chain: string[] = [];
    let at = path.dirname(dir);
    let top: string | undefined;
    for (let probe = dir; ; probe = path.dirname(probe)) {
      if (existsSync(path.join(probe, '.git'))) {
        top = probe;
        break;
      }
      if (path.dirname(probe) === probe) break;
    }
    if (top === undefined || top === dir) return undefined;
    for (; ; at = path.dirname(at)) {
      chain.push(at);
      if (at === top || path.dirname(at) === at) break;
    }
    let frame: GitignoreFrame | undefined;
    for (const folder of chain.reverse()) frame = this.withGitignore(folder, frame);
    return frame;
  }

  /** The frame for a folder: its `.gitignore` on top of the parent's, if it has one. */
  withGitignore(folder: string, parent: GitignoreFrame | undefined): GitignoreFrame | undefined {
    const rules = RuleSet.fromFile(path.join(folder, GITIGNORE), this.describe(path.join(folder, GITIGNORE)));
    return rules ? { rules, parent } : parent;
  }

  private describe(file: string): string {
    const relative = path.relative(this.cwd, file);
    return (relative === '' ? file : relative).split(path.sep).join('/');
  }
}
