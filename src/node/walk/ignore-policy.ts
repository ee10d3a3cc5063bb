/**
 * Which paths a walk leaves out, and why: `--ignore` patterns, a `.contractsignore` in the working
 * folder and at the top of each scanned folder, and `.gitignore` files the way git reads them (the
 * deepest file with a matching rule decides; ancestors of the scanned folder count up to the top
 * of its git work tree).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readSideFile, realFolder } from './read-side-file.js';
import { isBelow, RuleSet } from './rule-set.js';

export const CONTRACTSIGNORE = '.contractsignore';
export const GITIGNORE = '.gitignore';

/** A stack of `.gitignore` rule sets, deepest first, shared between sibling folders. */
export interface GitignoreFrame {
  rules: RuleSet;
  parent: GitignoreFrame | undefined;
}

/** An ignore file that was refused unread (a FIFO, a device, too large, a link out of its tree). */
export interface RefusedSideFile {
  path: string;
  display: string;
  code: string;
  message: string;
}

export class IgnorePolicy {
  private readonly fixed: RuleSet[] = [];
  /** Ignore files refused since the walk last asked (see takeRefusals). */
  private refusals: RefusedSideFile[] = [];
  /** Real path of the scanned folder: `.gitignore` links inside it are followed, others not. */
  private within: string;

  constructor(
    private readonly cwd: string,
    patterns: readonly string[],
    root: string | undefined,
  ) {
    this.within = realFolder(root ?? cwd);
    const cwdIgnore = this.readRules(path.join(cwd, CONTRACTSIGNORE), realFolder(cwd));
    if (cwdIgnore) this.fixed.push(cwdIgnore);
    if (root !== undefined && root !== cwd) {
      const rootIgnore = this.readRules(path.join(root, CONTRACTSIGNORE), this.within);
      if (rootIgnore) this.fixed.push(rootIgnore);
    }
    if (patterns.length > 0) {
      const inside = root === undefined || path.relative(cwd, root) === '' || isBelow(path.relative(cwd, root));
      this.fixed.push(new RuleSet(inside ? cwd : root, [...patterns], '--ignore'));
    }
  }

  /** The rules of an ignore file read with care; a refusal is kept for the report. */
  private readRules(file: string, within: string): RuleSet | undefined {
    const read = readSideFile(file, within);
    if (read.kind === 'text') return RuleSet.fromText(read.text, file, this.describe(file));
    if (read.kind === 'refused') this.refusals.push({ path: file, display: this.describe(file), code: read.code, message: `ignore file not read: ${read.message}` });
    return undefined;
  }

  /** The ignore files refused since the last call. */
  takeRefusals(): RefusedSideFile[] {
    if (this.refusals.length === 0) return this.refusals;
    const taken = this.refusals;
    this.refusals = [];
    return taken;
  }

  /** The reason a path is left out, or undefined when it is scanned. */
  reasonToIgnore(absolute: string, isDirectory: boolean, git: GitignoreFrame | undefined): string | undefined {
    const fixed = this.fixed;
    for (let i = 0; i < fixed.length; i++) {
      const rules = fixed[i] as RuleSet;
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
    const topReal = realFolder(top);
    for (const folder of chain.reverse()) frame = this.withGitignore(folder, frame, topReal);
    return frame;
  }

  /** The frame for a folder: its `.gitignore` on top of the parent's, if it has one. */
  withGitignore(folder: string, parent: GitignoreFrame | undefined, within = this.within): GitignoreFrame | undefined {
    const rules = this.readRules(path.join(folder, GITIGNORE), within);
    return rules ? { rules, parent } : parent;
  }

  private describe(file: string): string {
    const relative = path.relative(this.cwd, file);
    return (relative === '' ? file : relative).split(path.sep).join('/');
  }
}
