/**
 * SARIF 2.1.0, for code scanning (GitHub's upload-sarif and other viewers): one run, one rule per
 * issue code that occurs (with its description), one result per issue with its file (relative to
 * the working folder, resolved against %SRCROOT%), line and column; its properties say which
 * contract the document was validated as and how that was decided (`detection`). Each rule's helpUri
 * is its documentation at this version's tag on the repository host.
 */
import { pathToFileURL } from 'node:url';
import type { ScanResult } from '../scan/types.js';
import { describeCode, helpUriOf } from './code-descriptions.js';
import { jsonPieces, streamed } from './json-pieces.js';
import { defineReporter, type Reporter, type ReportOptions } from './reporter.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL = 'validate-contracts';
const INFORMATION_URI = 'https://www.npmjs.com/package/@sourceos/contracts';

/** `scan/repeated-signal-id` → `ScanRepeatedSignalId`, the friendly rule name SARIF viewers expect. */
export const pascalCase = (code: string): string => code.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export const toUriReference = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

/** One rule per issue code, in the order the codes first occur, with its index. */
function rulesOf(result: ScanResult, version: string): { rules: object[]; ruleIndex: Map<string, number> } {
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  for (const doc of result.documents) {
    for (const issue of doc.issues) {
      if (ruleIndex.has(issue.code)) continue;
      ruleIndex.set(issue.code, rules.length);
      const description = describeCode(issue.code);
      const helpUri = helpUriOf(issue.code, version);
      rules.push({
        id: issue.code,
        name: pascalCase(issue.code),
        shortDescription: { text: description.split(/(?<=\.)\s/)[0] ?? description },
        fullDescription: { text: description },
        ...(helpUri ? { helpUri } : {}),
        defaultConfiguration: { level: issue.severity },
      });
    }
  }
  return { rules, ruleIndex };
}

/** One SARIF result an issue, made as they are asked for. */
function* resultsOf(result: ScanResult, ruleIndex: ReadonlyMap<string, number>): Generator<object> {
  for (const doc of result.documents) {
    for (const issue of doc.issues) {
      yield {
        ruleId: issue.code,
        ruleIndex: ruleIndex.get(issue.code),
        level: issue.severity,
        message: { text: issue.pointer === '' ? issue.message : `${issue.message} (at ${issue.pointer})` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUriReference(doc.file), uriBaseId: '%SRCROOT%' },
              region: { startLine: issue.line, startColumn: issue.column },
            },
          },
        ],
        properties: {
          pointer: issue.pointer,
          contract: doc.contract,
          detection: doc.detection ? { by: doc.detection.by, reason: doc.detection.reason } : null,
          documentLine: doc.line,
        },
      };
    }
  }
}

/** The SARIF log, with `results` as given: an array, or a placeholder for streaming. */
function sarifWith(result: ScanResult, options: Pick<ReportOptions, 'version' | 'cwd'>, rules: object[], results: object[] | string): object {
  const base = pathToFileURL(options.cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL, version: options.version, semanticVersion: options.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: base.endsWith('/') ? base : `${base}/` } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { summary: result.summary },
      },
    ],
  };
}

export function toSarif(result: ScanResult, options: Pick<ReportOptions, 'version' | 'cwd'>): object {
  const { rules, ruleIndex } = rulesOf(result, options.version);
  return sarifWith(result, options, rules, Array.from(resultsOf(result, ruleIndex)));
}

function* pieces(result: ScanResult, options: ReportOptions): Generator<string> {
  const { rules, ruleIndex } = rulesOf(result, options.version);
  yield* jsonPieces(sarifWith(result, options, rules, streamed('results')), { results: resultsOf(result, ruleIndex) });
  yield '\n';
}

export const sarifReporter: Reporter = defineReporter('problems', pieces);
