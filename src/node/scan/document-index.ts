/**
 * Where every document of a scan is, in a few bytes each: its file, its line and its contract, by
 * its number in the scan (`seq`). Paths are kept as UTF-8 in one growing buffer (a folder once per
 * run of files in it, then each base name), never as strings: a string cut from a path keeps the
 * whole path alive, and a hundred thousand of them add up. Checks across documents keep only seq
 * numbers and find a document again through this index when they must. Everything a document is in
 * typed arrays (paged-column.ts), off V8's heap: about 11 bytes a document.
 */
import path from 'node:path';
import { contractNames, type ContractName } from '../../validation.js';
import { PagedColumn } from './paged-column.js';
import type { Detection } from './types.js';

/** UTF-8 text appended to one buffer; each piece is known by its offset and length. */
class TextArena {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private used = 0;

  /** The length in bytes of the text added last. */
  lastLength = 0;

  /** Appends text; returns its offset (its length in bytes is `lastLength`). */
  add(text: string): number {
    // at most three bytes a UTF-16 unit; most paths are ASCII, copied here without a call into Node
    this.reserve(3 * text.length);
    const offset = this.used;
    const bytes = this.bytes;
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[offset + i] = c;
    }
    this.used += i < text.length ? i + bytes.write(text.slice(i), offset + i) : i;
    this.lastLength = this.used - offset;
    return offset;
  }

  private reserve(more: number): void {
    if (this.used + more <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + more));
    this.bytes.copy(bigger, 0, 0, this.used);
    this.bytes = bigger;
  }

  text(offset: number, length: number): string {
    return this.bytes.toString('utf8', offset, offset + length);
  }
}

export class DocumentIndex {
  private readonly arena = new TextArena();
  private readonly folderOffset = new PagedColumn(Int32Array);
  private readonly folderLength = new PagedColumn(Int32Array);
  private lastFolder: string | undefined;
  private readonly fileFolder = new PagedColumn(Int32Array);
  private readonly nameOffset = new PagedColumn(Int32Array);
  private readonly nameLength = new PagedColumn(Int32Array);
  private readonly docFile = new PagedColumn(Int32Array);
  private readonly docLine = new PagedColumn(Int32Array);
  private readonly docContract = new PagedColumn(Uint8Array);
  /** Each document's detection, as a number in `detections` (they are few: most are shared). */
  private readonly docDetection = new PagedColumn(Uint16Array);
  private readonly detections: Detection[] = [];
  private readonly detectionIds = new Map<string, number>();
  /** The detection registered last, and its number: the documents of a folder mostly share one object. */
  private lastDetection: Detection | undefined;
  private lastDetectionId = 0;

  /** Registers a file (an absolute path, or `-`); returns its number. */
  addFile(source: string): number {
    const cut = source.lastIndexOf(path.sep);
    const folder = source === '-' || cut < 0 ? '' : cut === 0 ? path.sep : source.slice(0, cut);
    if (folder !== this.lastFolder) {
      this.folderOffset.push(this.arena.add(folder));
      this.folderLength.push(this.arena.lastLength);
      this.lastFolder = folder;
    }
    this.nameOffset.push(this.arena.add(source === '-' || cut < 0 ? source : source.slice(cut + 1)));
    this.nameLength.push(this.arena.lastLength);
    return this.fileFolder.push(this.folderOffset.length - 1);
  }

  /** Registers the next document of a file; returns its seq. */
  addDocument(file: number, line: number, contract: ContractName | null, detection: Detection): number {
    const seq = this.docFile.push(file);
    this.docLine.push(line);
    this.docContract.push(contract === null ? 0 : contractNames.indexOf(contract) + 1);
    this.docDetection.push(this.detectionId(detection));
    return seq;
  }

  private detectionId(detection: Detection): number {
    if (detection === this.lastDetection) return this.lastDetectionId;
    const id = this.detectionIdByText(detection);
    this.lastDetection = detection;
    this.lastDetectionId = id;
    return id;
  }

  private detectionIdByText(detection: Detection): number {
    const key = `${detection.by}\u0000${detection.reason}`;
    let id = this.detectionIds.get(key);
    if (id === undefined) {
      if (this.detections.length > 0xffff) return 0; // more than ever seen: the first stands in
      id = this.detections.push({ by: detection.by, reason: detection.reason }) - 1;
      this.detectionIds.set(key, id);
    }
    return id;
  }

  detection(seq: number): Detection | undefined {
    return this.detections[this.docDetection.at(seq)];
  }

  /** How many documents are registered (the seq the next one gets). */
  get documentCount(): number {
    return this.docFile.length;
  }

  source(seq: number): string {
    const file = this.docFile.at(seq);
    const folderId = this.fileFolder.at(file);
    const folder = this.arena.text(this.folderOffset.at(folderId), this.folderLength.at(folderId));
    const name = this.arena.text(this.nameOffset.at(file), this.nameLength.at(file));
    return folder === '' ? name : folder.endsWith(path.sep) ? folder + name : folder + path.sep + name;
  }

  line(seq: number): number {
    return this.docLine.at(seq);
  }

  contract(seq: number): ContractName | null {
    const code = this.docContract.at(seq);
    return code === 0 ? null : (contractNames[code - 1] as ContractName);
  }
}
