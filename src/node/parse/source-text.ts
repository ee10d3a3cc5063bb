import { LineIndex, type Position } from './line-index.js';

/** A text in which offsets can be turned into line and column: a whole file, or one line of a log. */
export interface PositionedText {
  readonly text: string;
  positionOf(offset: number): Position;
}

/** A decoded file (or standard input) with a line index built only when a position is asked for. */
export class SourceText implements PositionedText {
  private index: LineIndex | undefined;

  constructor(readonly text: string) {}

  positionOf(offset: number): Position {
    this.index ??= new LineIndex(this.text);
    return this.index.positionOf(offset);
  }
}

/** One line of a JSON Lines log, read on its own: every offset in it is on that line. */
export class LineText implements PositionedText {
  constructor(
    readonly text: string,
    readonly line: number,
  ) {}

  positionOf(offset: number): Position {
    return { line: this.line, column: offset + 1 };
  }
}
