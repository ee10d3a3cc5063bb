/**
 * Reads a document again, for the rare check across documents that must place an issue or compare
 * two documents' content after the scan has let their text go. Keeps only the last file read, and
 * standard input (which cannot be read twice) as the scan handed it over.
 */
import { decodeLossy } from '../parse/decode.js';
import { documentSpans, formatOfFile, type DocumentSpan } from '../parse/documents.js';
import { locateJson } from '../parse/json-locator.js';
import { findPointers } from '../parse/pointer-finder.js';
import { SourceText } from '../parse/source-text.js';
import { offsetOfPointer } from './locate.js';
import { readDocumentFile } from './read-file.js';
import { STDIN_SOURCE } from './scan-file.js';

export interface Reread {
  source: SourceText;
  span: DocumentSpan;
}

export class DocumentRereader {
  private last: { key: string; source: SourceText | undefined } | undefined;
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

  private text(source: string): SourceText | undefined {
    if (this.last?.key === source) return this.last.source;
    let text: string | undefined;
    if (source === STDIN_SOURCE) text = this.stdinText;
    else {
      // only documents that parsed are read again: lossy decoding gives their lines exactly
      const read = readDocumentFile(source, this.maxFileSize);
      text = read.ok ? decodeLossy(read.bytes) : undefined;
    }
    const result = text === undefined ? undefined : new SourceText(text);
    this.last = { key: source, source: result };
    return result;
  }

  document(source: string, line: number): Reread | undefined {
    const text = this.text(source);
    if (!text) return undefined;
    const name = source === STDIN_SOURCE ? this.stdinName : source;
    for (const span of documentSpans(text.text, formatOfFile(name) ?? 'json')) {
      if (span.line === line) return { source: text, span };
      if (span.line > line) break;
    }
    return undefined;
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

  /** The parsed value of a document, or undefined when it cannot be read again. */
  value(source: string, line: number): unknown {
    const found = this.document(source, line);
    if (!found) return undefined;
    try {
      return JSON.parse(found.source.text.slice(found.span.start, found.span.end));
    } catch {
      return undefined;
    }
  }
}
