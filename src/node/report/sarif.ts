/**
 * SARIF 2.1.0, for code scanning (GitHub's upload-sarif and other viewers): one run, one rule per
 * issue code that occurs (with its description), one result per issue with its file (relative to
 * the working folder, resolved against %SRCROOT%), line and column; its properties say which
 * contract the document was validated as and how that was decided (`detection`). Each rule's helpUri
 * is its documentation at this version's tag on the repository host.
 *
 * Streamed: the log's head is written at once, each result when the scan hands its document on,
 * and `tool` (its rules are the codes that occurred, in the order they first did) after `results`
 * (SARIF's JSON does not order an object's members). Held until the end: one rule per code seen.
 */
import { pathToFileURL } from 'node:url';
import type { DocumentReport, LocatedIssue, ScanSummary } from '../scan/types.js';
import { describeCode, helpUriOf } from './code-descriptions.js';
import { jsonPieces, StreamedArray, streamed, textBefore } from './json-pieces.js';
import { defineStreamingReporter, type Reporter, type ReportOptions, type ReportStream } from './reporter.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL = 'validate-contracts';
const INFORMATION_URI = 'https://www.npmjs.com/package/@sourceos/contracts';

/** `scan/repeated-signal-id` → `ScanRepeatedSignalId`, the friendly rule name SARIF viewers expect. */
export const pascalCase = (code: string): string => code.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());

/** A lone UTF-16 surrogate (half of a pair without its other half). */
const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

/** A lone surrogate as the three bytes WTF-8 gives it, percent-encoded (encodeURIComponent throws a URIError on it). */
const encodeLoneSurrogate = (c: string): string => {
  const u = c.charCodeAt(0);
  return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
};

/** One path segment percent-encoded; a lone surrogate keeps its code unit, as WTF-8 bytes. */
const encodeSegment = (segment: string): string =>
  segment.split(LONE_SURROGATE).map((part, i) => (i % 2 === 1 ? encodeLoneSurrogate(part) : encodeURIComponent(part))).join('');

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export const toUriReference = (file: string): string => file.split('/').map(encodeSegment).join('/');

/** One rule per issue code, in the order the codes first occur: `indexOf` adds a code's rule when it first occurs. */
class RuleTable {
  readonly rules: object[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly version: string) {}

  indexOf(issue: LocatedIssue): number {
    const known = this.index.get(issue.code);
    if (known !== undefined) return known;
    const description = describeCode(issue.code);
    const helpUri = helpUriOf(issue.code, this.version);
    this.index.set(issue.code, this.rules.length);
    this.rules.push({
      id: issue.code,
      name: pascalCase(issue.code),
      shortDescription: { text: description.split(/(?<=\.)\s/)[0] ?? description },
      fullDescription: { text: description },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: issue.severity },
    });
    return this.rules.length - 1;
  }
}

/** The SARIF result of one issue of a document. */
function resultOf(doc: DocumentReport, issue: LocatedIssue, ruleIndex: number): object {
  return {
    ruleId: issue.code,
    ruleIndex,
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

type SarifOptions = Pick<ReportOptions, 'version' | 'cwd'>;

/** The SARIF log, with `results` as given: an array, or a placeholder for streaming. Nothing before `results` depends on the scan. */
function sarifWith(summary: ScanSummary, options: SarifOptions, rules: object[], results: object[] | string): object {
  const base = pathToFileURL(options.cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        originalUriBaseIds: { '%SRCROOT%': { uri: base.endsWith('/') ? base : `${base}/` } },
        columnKind: 'utf16CodeUnits',
        results,
        tool: { driver: { name: TOOL, version: options.version, semanticVersion: options.version, informationUri: INFORMATION_URI, rules } },
        properties: { summary },
      },
    ],
  };
}

export function toSarif(result: { documents: readonly DocumentReport[]; summary: ScanSummary }, options: SarifOptions): object {
  const table = new RuleTable(options.version);
  const results = result.documents.flatMap((doc) => doc.issues.map((issue) => resultOf(doc, issue, table.indexOf(issue))));
  return sarifWith(result.summary, options, table.rules, results);
}

const NO_SUMMARY: ScanSummary = { files: 0, documents: 0, valid: 0, invalid: 0, skipped: 0, errors: 0, warnings: 0 };

function open(options: ReportOptions, write: (text: string) => void): ReportStream {
  const table = new RuleTable(options.version);
  const head = textBefore(sarifWith(NO_SUMMARY, options, [], streamed('results')), 'results');
  write(head.text);
  const results = new StreamedArray(head.indent);
  return {
    document(doc) {
      let text = '';
      for (const issue of doc.issues) text += results.item(resultOf(doc, issue, table.indexOf(issue)));
      if (text !== '') write(text);
    },
    end(result) {
      let text = results.close();
      for (const piece of jsonPieces(sarifWith(result.summary, options, table.rules, streamed('results')), {}, 'results')) text += piece;
      write(`${text}\n`);
    },
  };
}

export const sarifReporter: Reporter = defineStreamingReporter('problems', open);
