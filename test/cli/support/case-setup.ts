// Builds a case's folder in a temporary place: a copy of its input/ (the scan root and working
// folder), of its outside/ (beside the root), then the steps git cannot hold: links, modes,
// large or generated files, FIFOs, .git and node_modules folders, dot files.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type SetupStep =
  | { symlink: string; target: string }
  | { chmod: string; mode: string }
  | { write: string; text?: string; repeat?: string; times?: number; closing?: string; prefix?: string; suffix?: string; parts?: { text: string; times?: number }[] }
  | { mkdir: string }
  | { copy: string; to: string }
  | { rename: string; to: string }
  | { fifo: string };

export interface PreparedCase {
  /** The scan root and working folder. */
  root: string;
  /** The temporary folder holding root/ and outside/. */
  base: string;
}

export function prepareCase(caseDir: string, steps: readonly SetupStep[] = []): PreparedCase {
  const base = mkdtempSync(path.join(os.tmpdir(), `cli-case-${path.basename(caseDir)}-`));
  const root = path.join(base, 'root');
  const input = path.join(caseDir, 'input');
  if (existsSync(input)) cpSync(input, root, { recursive: true, verbatimSymlinks: true });
  else mkdirSync(root);
  if (existsSync(path.join(caseDir, 'outside'))) cpSync(path.join(caseDir, 'outside'), path.join(base, 'outside'), { recursive: true });
  const at = (p: string): string => path.join(root, p);
  for (const step of steps) {
    if ('symlink' in step) {
      mkdirSync(path.dirname(at(step.symlink)), { recursive: true });
      symlinkSync(step.target, at(step.symlink));
    } else if ('chmod' in step) chmodSync(at(step.chmod), Number.parseInt(step.mode, 8));
    else if ('write' in step) {
      mkdirSync(path.dirname(at(step.write)), { recursive: true });
      // `closing`, repeated as often as `repeat`, closes what it opened: balanced nesting
      // `parts`: texts one after another, each repeated `times` (a long log with a line placed in it)
      const parts = step.parts?.map((part) => part.text.repeat(part.times ?? 1)).join('');
      const body = parts ?? step.text ?? (step.repeat ?? '').repeat(step.times ?? 0) + (step.closing ?? '').repeat(step.times ?? 0);
      writeFileSync(at(step.write), `${step.prefix ?? ''}${body}${step.suffix ?? ''}`);
    } else if ('mkdir' in step) mkdirSync(at(step.mkdir), { recursive: true });
    else if ('copy' in step) {
      mkdirSync(path.dirname(at(step.to)), { recursive: true });
      cpSync(path.join(caseDir, step.copy), at(step.to), { recursive: true });
    } else if ('rename' in step) renameSync(at(step.rename), at(step.to));
    else if ('fifo' in step) execFileSync('mkfifo', [at(step.fifo)]);
  }
  return { root, base };
}
