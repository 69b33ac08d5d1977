/**
 * A character trie over surfaces (UTF-16 code units), for dictionary look-up at every position of a text: the
 * tokenizer segments eojeol with it and the name recognisers find places and organisations with it.
 */
interface TrieNode<V> {
  /** Keyed by UTF-16 code unit (a number: no one-letter string is made per character looked up). */
  children: Map<number, TrieNode<V>>;
  value?: V;
}

/** One dictionary hit: `text.slice(start, end)` is a surface of the trie, with its value. */
export interface TrieMatch<V> {
  start: number;
  end: number;
  value: V;
}

export class Trie<V> {
  private readonly root: TrieNode<V> = { children: new Map() };
  private count = 0;

  /** Number of surfaces with a value. */
  get size(): number {
    return this.count;
  }

  /** Sets the value of `surface`, replacing any earlier one (so later sources win). */
  set(surface: string, value: V): void {
    if (surface.length === 0) return;
    let node = this.root;
    for (let i = 0; i < surface.length; i++) {
      const unit = surface.charCodeAt(i);
      let next = node.children.get(unit);
      if (!next) {
        next = { children: new Map() };
        node.children.set(unit, next);
      }
      node = next;
    }
    if (node.value === undefined) this.count++;
    node.value = value;
  }

  get(surface: string): V | undefined {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = 0; i < surface.length && node; i++) node = node.children.get(surface.charCodeAt(i));
    return node?.value;
  }

  has(surface: string): boolean {
    return this.get(surface) !== undefined;
  }

  /** Removes the value of `surface` (the path stays; it is cheap and keeps the code simple). */
  delete(surface: string): void {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = 0; i < surface.length && node; i++) node = node.children.get(surface.charCodeAt(i));
    if (node && node.value !== undefined) {
      node.value = undefined;
      this.count--;
    }
  }

  /** Every surface that starts at `start` in `text` and ends at or before `limit`, shortest first. */
  matchesAt(text: string, start: number, limit = text.length): TrieMatch<V>[] {
    const found: TrieMatch<V>[] = [];
    let node: TrieNode<V> | undefined = this.root;
    for (let i = start; i < limit; i++) {
      node = node.children.get(text.charCodeAt(i));
      if (!node) break;
      if (node.value !== undefined) found.push({ start, end: i + 1, value: node.value });
    }
    return found;
  }

  /**
   * The longest surface that starts at `start` and ends at an offset `e` with `ends[e] === 1`, as `[end, value]`
   * written into `out` (returns false when there is none). Allocates nothing.
   */
  longestEndingAt(text: string, start: number, ends: Uint8Array, out: { end: number; value: V | undefined }): boolean {
    let node: TrieNode<V> | undefined = this.root;
    let found = false;
    for (let i = start, n = text.length; i < n; i++) {
      node = node.children.get(text.charCodeAt(i));
      if (!node) break;
      if (node.value !== undefined && ends[i + 1] === 1) {
        out.end = i + 1;
        out.value = node.value;
        found = true;
      }
    }
    return found;
  }
}
