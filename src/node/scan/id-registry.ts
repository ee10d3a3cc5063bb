/**
 * Remembers which document first carried each id, as small numbers: a 30-bit hash of the id maps
 * to the seq of its first document. Two ids may share a hash: then the first document is read
 * again (`idOf`) to tell; a different id goes to an exact table kept for those rare collisions.
 */
import { hash53 } from './string-hash.js';

export class IdRegistry {
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();

  constructor(private readonly idOf: (seq: number) => string | undefined) {}

  /** The seq of the first document with this id, or undefined (and `seq` is recorded as first). */
  firstOf(id: string, seq: number): number | undefined {
    const key = hash53(id) % 0x40000000; // a small integer: no heap number a key
    const first = this.byHash.get(key);
    if (first === undefined) {
      this.byHash.set(key, seq);
      return undefined;
    }
    if (this.idOf(first) === id) return first;
    const other = this.collided.get(id);
    if (other !== undefined) return other;
    this.collided.set(id, seq);
    return undefined;
  }
}
