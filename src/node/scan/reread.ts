/**
 * Reads a document again, for the rare check across documents that must place an issue after the
 * scan has let its text go (a log's lines are placed while they are read, never read again). Keeps the last two files read (a
 * document and the earlier one it is compared with), each with the table of its documents, so that
 * finding the document of a line costs a binary search, not a pass from the first line; and
 * standard input (which cannot be read twice) as the scan handed it over.
 */
import { decodeLossy } from '../parse/decode.js';
import { documentSpans, formatOfFile, type DocumentSpan } from '../parse/documents.js';
import { locateJson } from '../parse/json-locator.js';
import { findPointers } from '../parse/pointer-finder.js';
import { SourceText } from '../parse/source-text.js';
import { contentFingerprint } from './content-fingerprint.js';
import { offsetOfPointer } from './locate.js';
import { readDocumentFile } from './read-file.js';
import { STDIN_SOURCE } from './scan-file.js';

export interface Reread {
  source: SourceText;
  span: DocumentSpan;
}

interface CachedFile {
  key: string;
  source: SourceText | undefined;
  /** The file's documents in line order, as (line, start, end) triples in one array; made when first asked for. */
  spans: number[] | undefined;
}

/** Files kept read: the document being checked and the one it is compared with. */
const KEPT_FILES = 2;

export class DocumentRereader {
  private cached: CachedFile[] = [];
  private stdinText: string | undefined;
  private stdinName = 'stdin.json';

  constructor(
    private readonly maxDepth: number,
    private readonly maxFileSize: number,
  ) {}

  /** Standard input's text and name, kept from the scan. */
  rememberStdin(text: string, name: string | undefined): void {
    this.stdinText = text;
    if (name) this.stdinName = name;
  }

  private file(source: string): CachedFile {
    const at = this.cached.findIndex((c) => c.key === source);
    if (at >= 0) {
      const hit = this.cached[at] as CachedFile;
      if (at > 0) this.cached = [hit, ...this.cached.filter((c) => c !== hit)];
      return hit;
    }
    let text: string | undefined;
    if (source === STDIN_SOURCE) text = this.stdinText;
    else {
      // only documents that parsed are read again: lossy decoding gives their lines exactly
      const read = readDocumentFile(source, this.maxFileSize);
      text = read.ok ? decodeLossy(read.bytes) : undefined;
    }
    const entry: CachedFile = { key: source, source: text === undefined ? undefined : new SourceText(text), spans: undefined };
    this.cached = [entry, ...this.cached.slice(0, KEPT_FILES - 1)];
    return entry;
  }

  document(source: string, line: number): Reread | undefined {
    const file = this.file(source);
    const text = file.source;
    if (!text) return undefined;
    const name = source === STDIN_SOURCE ? this.stdinName : source;
    if (!file.spans) {
      file.spans = [];
      for (const span of documentSpans(text.text, formatOfFile(name) ?? 'json')) file.spans.push(span.line, span.start, span.end);
    }
    const spans = file.spans;
    let lo = 0;
    let hi = spans.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = spans[mid * 3] as number;
      if (at === line) return { source: text, span: { line, start: spans[mid * 3 + 1] as number, end: spans[mid * 3 + 2] as number } };
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The fingerprint of a document's content (content-fingerprint.ts); NaN when it cannot be read again, or no longer parses. */
  content(source: string, line: number): number {
    const found = this.document(source, line);
    if (!found) return Number.NaN;
    try {
      return contentFingerprint(JSON.parse(found.source.text.slice(found.span.start, found.span.end)));
    } catch {
      return Number.NaN;
    }
  }

  /** Line and column of a pointer in a document (1:1 when the file cannot be read again). */
  position(source: string, line: number, pointer: string): { line: number; column: number } {
    const found = this.document(source, line);
    if (!found) return { line, column: 1 };
    let offset: number;
    try {
      JSON.parse(found.source.text.slice(found.span.start, found.span.end)); // the finder needs valid JSON
      offset = offsetOfPointer(findPointers(found.source.text, [pointer], found.span.start, found.span.end), pointer, found.span.start);
    } catch {
      offset = offsetOfPointer(locateJson(found.source.text, this.maxDepth, found.span.start, found.span.end), pointer, found.span.start);
    }
    return found.source.positionOf(offset);
  }
}
