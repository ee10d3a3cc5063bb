/**
 * One list of gitignore-syntax patterns, anchored at a folder, tested with the `ignore` package.
 * `ignore` caches every path it has seen; the instance is rebuilt now and then so that a walk of
 * a hundred thousand files does not keep them all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const TESTS_BEFORE_REBUILD = 4096;

export type Verdict = 'ignored' | 'unignored' | undefined;

export class RuleSet {
  private matcher: Ignore;
  private tests = 0;

  constructor(
    /** Absolute folder the patterns are relative to. */
    readonly base: string,
    private readonly patterns: string[],
    /** Where the patterns came from, for the reason of a skip. */
    readonly origin: string,
  ) {
    this.matcher = this.build();
  }

  /** Reads a gitignore-syntax file; undefined when it does not exist or holds no pattern. */
  static fromFile(file: string, origin: string): RuleSet | undefined {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const patterns = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
    return patterns.length === 0 ? undefined : new RuleSet(path.dirname(file), patterns, origin);
  }

  private build(): Ignore {
    return ignore({ ignorecase: false }).add(this.patterns);
  }

  /**
   * Whether the rules ignore (or explicitly re-include) an absolute path; undefined when the path
   * is outside the base folder or no rule speaks about it.
   */
  test(absolute: string, isDirectory: boolean): Verdict {
    const relative = path.relative(this.base, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    if (++this.tests > TESTS_BEFORE_REBUILD) {
      this.tests = 0;
      this.matcher = this.build();
    }
    const posix = path.sep === '/' ? relative : relative.split(path.sep).join('/');
    const result = this.matcher.test(isDirectory ? `${posix}/` : posix);
    return result.ignored ? 'ignored' : result.unignored ? 'unignored' : undefined;
  }
}
