/**
 * One list of gitignore-syntax patterns, anchored at a folder, tested with the `ignore` package.
 * `ignore` caches every path it has seen; the instance is rebuilt now and then so that a walk of
 * a hundred thousand files does not keep them all.
 */
import path from 'node:path';
import type { Ignore } from 'ignore';
import { syncLoader } from '../module-loader.js';

const TESTS_BEFORE_REBUILD = 4096;

type IgnoreFactory = (options?: { ignorecase?: boolean }) => Ignore;

/** `ignore`, loaded only when a scan meets an ignore rule (synchronously where it can: module-loader.ts). */
let factory: IgnoreFactory | undefined;

/** Where no synchronous loader exists (the ESM library entry), loads `ignore` ahead of a walk. */
export async function prepareIgnore(): Promise<void> {
  if (factory || syncLoader()) return;
  const module = (await import('ignore')) as unknown as { default: IgnoreFactory };
  factory = module.default;
}

function loadIgnore(): IgnoreFactory {
  if (factory) return factory;
  const load = syncLoader();
  if (!load) throw new Error('the ignore package is not loaded: call prepareIgnore() before walking');
  factory = load('ignore') as IgnoreFactory;
  return factory;
}

/**
 * Whether a relative path names something strictly below its base: decided by its first segment
 * (`..` or `../…` is above), so that a folder named `..fixtures` is below like any other.
 */
export const isBelow = (relative: string): boolean =>
  relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);

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

  /** The rules of a gitignore-syntax file's text; undefined when it holds no pattern. */
  static fromText(text: string, file: string, origin: string): RuleSet | undefined {
    const patterns = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
    return patterns.length === 0 ? undefined : new RuleSet(path.dirname(file), patterns, origin);
  }

  private build(): Ignore {
    return loadIgnore()({ ignorecase: false }).add(this.patterns);
  }

  /**
   * Whether the rules ignore (or explicitly re-include) an absolute path; undefined when the path
   * is outside the base folder or no rule speaks about it.
   */
  test(absolute: string, isDirectory: boolean): Verdict {
    const relative = path.relative(this.base, absolute);
    if (!isBelow(relative)) return undefined;
    if (++this.tests > TESTS_BEFORE_REBUILD) {
      this.tests = 0;
      this.matcher = this.build();
    }
    const posix = path.sep === '/' ? relative : relative.split(path.sep).join('/');
    const result = this.matcher.test(isDirectory ? `${posix}/` : posix);
    return result.ignored ? 'ignored' : result.unignored ? 'unignored' : undefined;
  }
}
