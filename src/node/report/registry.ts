/** The output formats, each a small adapter loaded only when asked for. */
import type { Reporter } from './reporter.js';

export const reporters = {
  pretty: async (): Promise<Reporter> => (await import('./pretty.js')).prettyReporter,
  json: async (): Promise<Reporter> => (await import('./json.js')).jsonReporter,
  sarif: async (): Promise<Reporter> => (await import('./sarif.js')).sarifReporter,
  github: async (): Promise<Reporter> => (await import('./github.js')).githubReporter,
} as const;

export type FormatName = keyof typeof reporters;

export const formatNames = Object.keys(reporters) as FormatName[];

export const isFormatName = (name: string): name is FormatName => Object.prototype.hasOwnProperty.call(reporters, name);

export function loadReporter(name: FormatName): Promise<Reporter> {
  return reporters[name]();
}
