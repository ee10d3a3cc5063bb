/**
 * Puts line and column on issues. A pointer to a value that is not in the document (a missing
 * property) is placed at the nearest value that is: the object that lacks it.
 */
import type { Issue } from '../../validation.js';
import type { JsonLayout } from '../parse/json-locator.js';
import { parentPointer } from '../parse/pointer.js';
import type { PositionedText } from '../parse/source-text.js';
import type { LocatedIssue } from './types.js';

/** Value offsets by pointer: a whole layout, or those findPointers found. */
export type Positions = Pick<JsonLayout, 'positions'> | Map<string, number>;

export function offsetOfPointer(layout: Positions, pointer: string, fallback: number): number {
  const positions = layout instanceof Map ? layout : layout.positions;
  for (let p = pointer; ; p = parentPointer(p)) {
    const offset = positions.get(p);
    if (offset !== undefined) return offset;
    if (p === '') return fallback;
  }
}

export function locateIssue(issue: Issue, layout: Positions, source: PositionedText, fallback: number): LocatedIssue {
  const { line, column } = source.positionOf(offsetOfPointer(layout, issue.pointer, fallback));
  return { code: issue.code, severity: issue.severity, pointer: issue.pointer, message: issue.message, line, column };
}
