import { PatternAutomaton } from '../text/patternAutomaton.js';

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

/**
 * The trie laid out in typed arrays for look-ups (built on the first look-up after a change): the root's children
 * in a table indexed by UTF-16 unit, so that the many positions no surface starts at cost one array read, and each
 * deeper node's children as a run of (unit, node) pairs, which are few. Node 0 is the root; `rootChild` holds
 * node + 1 (0: no child).
 */
interface FlatTrie<V> {
  /** One bit per UTF-16 unit that some surface starts with: 8 KB that stay in cache, read before `rootChild`. */
  rootBits: Uint32Array;
  rootChild: Int32Array;
  childStart: Int32Array;
  childUnits: Uint16Array;
  childNodes: Int32Array;
  values: (V | undefined)[];
}

/**
 * Surfaces longer than this (in UTF-16 units) are not walked from each start: a walk costs the length of the
 * match, and one surface as long as the text (a user entry), walked from every start of a text that repeats its
 * beginning, made the look-ups quadratic. They are found in one pass of an automaton over the text instead (see
 * {@link LongSurfaces}). The dictionaries' own names are all shorter.
 */
export const LONG_SURFACE = 64;

export class Trie<V> {
  private readonly root: TrieNode<V> = { children: new Map() };
  private count = 0;
  private flatForm: FlatTrie<V> | undefined;
  /** The surfaces longer than {@link LONG_SURFACE} that have a value; undefined until there is one. */
  private long: LongSurfaces<V> | undefined;

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
    this.flatForm = undefined;
    if (surface.length > LONG_SURFACE) (this.long ??= new LongSurfaces()).add(surface);
    this.long?.changed();
  }

  get(surface: string): V | undefined {
    const flat = this.flatForm;
    if (!flat) {
      // Still being built (look-ups between sets, as in addLocalGovernments): walk the maps, flatten nothing yet.
      let node: TrieNode<V> | undefined = this.root;
      for (let i = 0; i < surface.length && node; i++) node = node.children.get(surface.charCodeAt(i));
      return node?.value;
    }
    const n = surface.length;
    if (n === 0) return this.root.value;
    let node = rootNode(flat, surface.charCodeAt(0));
    for (let i = 1; i < n && node >= 0; i++) node = childOf(flat, node, surface.charCodeAt(i));
    return node >= 0 ? flat.values[node] : undefined;
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
      this.flatForm = undefined;
      this.long?.delete(surface);
    }
  }

  private flat(): FlatTrie<V> {
    return (this.flatForm ??= flatten(this.root));
  }

  /** Every surface that starts at `start` in `text` and ends at or before `limit`, shortest first. */
  matchesAt(text: string, start: number, limit = text.length): TrieMatch<V>[] {
    const found: TrieMatch<V>[] = [];
    if (start >= limit) return found;
    const flat = this.flat();
    let node = rootNode(flat, text.charCodeAt(start));
    const walkLimit = Math.min(limit, start + LONG_SURFACE);
    for (let i = start; node >= 0; ) {
      const value = flat.values[node];
      if (value !== undefined) found.push({ start, end: i + 1, value });
      if (++i >= walkLimit) break;
      node = childOf(flat, node, text.charCodeAt(i));
    }
    for (const match of this.long?.at(this, text, start) ?? NO_MATCHES) if (match.end <= limit) found.push(match);
    return found;
  }

  /**
   * The values of the surfaces that begin `word` and are at least `minLength` long, shortest first: one walk along
   * the word (looking up each of its prefixes instead costs the square of its length).
   */
  prefixValues(word: string, minLength = 1): V[] {
    const found: V[] = [];
    if (word.length === 0) return found;
    const flat = this.flat();
    let node = rootNode(flat, word.charCodeAt(0));
    for (let i = 0; node >= 0; ) {
      const value = flat.values[node];
      if (value !== undefined && i + 1 >= minLength) found.push(value);
      if (++i >= word.length) break;
      node = childOf(flat, node, word.charCodeAt(i));
    }
    return found;
  }

  /** The longest surface that starts at `start`, as `[end, value]` written into `out` (false when there is none). */
  longestAt(text: string, start: number, out: { end: number; value: V | undefined }): boolean {
    return this.longest(text, start, undefined, out);
  }

  /**
   * The longest surface that starts at `start` and ends at an offset `e` with `ends[e] === 1`, as `[end, value]`
   * written into `out` (returns false when there is none). Allocates nothing.
   */
  longestEndingAt(text: string, start: number, ends: Uint8Array, out: { end: number; value: V | undefined }): boolean {
    return this.longest(text, start, ends, out);
  }

  private longest(text: string, start: number, ends: Uint8Array | undefined, out: { end: number; value: V | undefined }): boolean {
    const n = text.length;
    if (start >= n) return false;
    const flat = this.flat();
    let node = rootNode(flat, text.charCodeAt(start));
    let found = false;
    const walkLimit = Math.min(n, start + LONG_SURFACE);
    for (let i = start; node >= 0; ) {
      const value = flat.values[node];
      if (value !== undefined && (ends === undefined || ends[i + 1] === 1)) {
        out.end = i + 1;
        out.value = value;
        found = true;
      }
      if (++i >= walkLimit) break;
      node = childOf(flat, node, text.charCodeAt(i));
    }
    // A long surface is longer than anything the walk found: the longest of them that ends well wins.
    for (const match of this.long?.at(this, text, start) ?? NO_MATCHES) {
      if (ends === undefined || ends[match.end] === 1) {
        out.end = match.end;
        out.value = match.value;
        found = true;
      }
    }
    return found;
  }
}

const NO_MATCHES: readonly never[] = [];

/**
 * The surfaces of a trie longer than {@link LONG_SURFACE}, and where they occur in the text last looked up: found
 * by one automaton pass over the whole text on its first look-up, kept by start offset.
 */
class LongSurfaces<V> {
  private readonly surfaces = new Set<string>();
  private automaton: { scan: PatternAutomaton; values: V[] } | undefined;
  private index: { text: string; byStart: Map<number, TrieMatch<V>[]> } | undefined;

  add(surface: string): void {
    this.surfaces.add(surface);
    this.changed();
  }

  delete(surface: string): void {
    if (this.surfaces.delete(surface)) this.changed();
  }

  /** A value changed: the automaton and the index are made again on the next look-up. */
  changed(): void {
    this.automaton = undefined;
    this.index = undefined;
  }

  /** The long surfaces starting at `start` in `text`, shortest first (undefined: none). */
  at(trie: Trie<V>, text: string, start: number): readonly TrieMatch<V>[] | undefined {
    if (this.surfaces.size === 0) return undefined;
    if (this.index?.text !== text) {
      if (!this.automaton) {
        const scan = new PatternAutomaton();
        const values: V[] = [];
        for (const surface of this.surfaces) values[scan.add(surface)] = trie.get(surface)!;
        this.automaton = { scan, values };
      }
      const { scan, values } = this.automaton;
      const byStart = new Map<number, TrieMatch<V>[]>();
      scan.scan(text, 0, text.length, (s, end, id) => {
        const list = byStart.get(s);
        const match = { start: s, end, value: values[id]! };
        if (list) list.push(match);
        else byStart.set(s, [match]);
      });
      this.index = { text, byStart };
    }
    return this.index.byStart.get(start);
  }
}

/** The root's child by `unit` in the flat form, or -1. */
function rootNode<V>(flat: FlatTrie<V>, unit: number): number {
  return (flat.rootBits[unit >>> 5]! & (1 << (unit & 31))) === 0 ? -1 : flat.rootChild[unit]! - 1;
}

/** The child of `node` by `unit` in the flat form, or -1. */
function childOf<V>(flat: FlatTrie<V>, node: number, unit: number): number {
  for (let k = flat.childStart[node]!, end = flat.childStart[node + 1]!; k < end; k++) {
    if (flat.childUnits[k] === unit) return flat.childNodes[k]!;
  }
  return -1;
}

/** Numbers the nodes breadth first and copies the edges into typed arrays (see {@link FlatTrie}). */
function flatten<V>(root: TrieNode<V>): FlatTrie<V> {
  const nodes: TrieNode<V>[] = [root];
  for (let k = 0; k < nodes.length; k++) for (const child of nodes[k]!.children.values()) nodes.push(child);
  const childStart = new Int32Array(nodes.length + 1);
  const childUnits = new Uint16Array(Math.max(0, nodes.length - 1));
  const childNodes = new Int32Array(Math.max(0, nodes.length - 1));
  const values: (V | undefined)[] = nodes.map((node) => node.value);
  const rootChild = new Int32Array(0x10000);
  const rootBits = new Uint32Array(0x10000 >>> 5);
  // Breadth first, each node's children get the next ids in their Map order: the edge list is that same order.
  let next = 1;
  for (let k = 0; k < nodes.length; k++) {
    childStart[k] = next - 1;
    for (const unit of nodes[k]!.children.keys()) {
      if (k === 0) {
        rootChild[unit] = next + 1;
        rootBits[unit >>> 5]! |= 1 << (unit & 31);
      }
      childUnits[next - 1] = unit;
      childNodes[next - 1] = next;
      next++;
    }
  }
  childStart[nodes.length] = next - 1;
  return { rootBits, rootChild, childStart, childUnits, childNodes, values };
}
