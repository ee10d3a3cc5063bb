import { LineIndex, type Position } from './line-index.js';

/** A decoded file (or standard input) with a line index built only when a position is asked for. */
export class SourceText {
  private index: LineIndex | undefined;

  constructor(readonly text: string) {}

  positionOf(offset: number): Position {
    this.index ??= new LineIndex(this.text);
    return this.index.positionOf(offset);
  }
}
