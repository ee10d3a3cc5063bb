/**
 * Where every document of a scan is, in a few bytes each: its file (a folder index and a base name
 * a file), its line and its contract, by its number in the scan (`seq`). Checks across documents
 * keep only these numbers and find a document again through this index when they must.
 */
import path from 'node:path';
import { contractNames, type ContractName } from '../../index.js';

const grow = <T extends Int32Array | Uint8Array>(array: T, needed: number, make: (n: number) => T): T => {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
};

export class DocumentIndex {
  private readonly folders: string[] = [];
  private readonly folderIds = new Map<string, number>();
  private fileFolder = new Int32Array(1024);
  private readonly fileNames: string[] = [];
  private docFile = new Int32Array(4096);
  private docLine = new Int32Array(4096);
  private docContract = new Uint8Array(4096);
  private docs = 0;

  /** Registers a file (an absolute path, or `-`); returns its number. */
  addFile(source: string): number {
    const folder = source === '-' ? '' : path.dirname(source);
    let id = this.folderIds.get(folder);
    if (id === undefined) {
      id = this.folders.length;
      this.folders.push(folder);
      this.folderIds.set(folder, id);
    }
    const file = this.fileNames.length;
    this.fileFolder = grow(this.fileFolder, file + 1, (n) => new Int32Array(n));
    this.fileFolder[file] = id;
    this.fileNames.push(source === '-' ? '-' : path.basename(source));
    return file;
  }

  /** Registers the next document of a file; returns its seq. */
  addDocument(file: number, line: number, contract: ContractName | null): number {
    const seq = this.docs++;
    this.docFile = grow(this.docFile, this.docs, (n) => new Int32Array(n));
    this.docLine = grow(this.docLine, this.docs, (n) => new Int32Array(n));
    this.docContract = grow(this.docContract, this.docs, (n) => new Uint8Array(n));
    this.docFile[seq] = file;
    this.docLine[seq] = line;
    this.docContract[seq] = contract === null ? 0 : contractNames.indexOf(contract) + 1;
    return seq;
  }

  source(seq: number): string {
    const file = this.docFile[seq] as number;
    const folder = this.folders[this.fileFolder[file] as number] as string;
    const name = this.fileNames[file] as string;
    return folder === '' ? name : path.join(folder, name);
  }

  line(seq: number): number {
    return this.docLine[seq] as number;
  }

  contract(seq: number): ContractName | null {
    const code = this.docContract[seq] as number;
    return code === 0 ? null : (contractNames[code - 1] as ContractName);
  }
}
