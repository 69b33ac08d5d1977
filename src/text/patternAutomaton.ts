/**
 * An Aho–Corasick automaton over UTF-16 units: every occurrence of every pattern in one pass over a text, in time
 * linear in the text plus the occurrences, whatever the patterns' lengths. Looking a list up at each position (a
 * trie walk or `startsWith` per start) costs the length of the longest match from every position instead: one
 * user entry as long as the text, over a text that repeats its beginning, made that quadratic.
 *
 * Nodes are the prefixes of the patterns (node 0 is the empty one). A node's failure link is its longest proper
 * suffix that is also a node; its output link, the longest such suffix that is a whole pattern. Edges: the root's
 * in a map; another node's only child in two arrays (a long pattern is a chain of them), several children in a map.
 */
export class PatternAutomaton {
  private readonly patternIds = new Map<string, number>();
  /** Per node, during building: the unit of the edge into it and its parent. */
  private units: number[] = [0];
  private parents: number[] = [0];
  private depths: number[] = [0];
  private patternOf: number[] = [-1];
  private rootEdges = new Map<number, number>();
  private onlyUnit: number[] = [-1];
  private onlyChild: number[] = [-1];
  private manyEdges: (Map<number, number> | undefined)[] = [undefined];
  private compiled: Compiled | undefined;

  /** Number of distinct patterns. */
  get size(): number {
    return this.patternIds.size;
  }

  /**
   * Adds a pattern (ignored when empty) and returns its id: 0, 1, 2 … in the order patterns are first added; the
   * same pattern added again keeps its first id (what it stands for is up to the caller).
   */
  add(pattern: string): number {
    const known = this.patternIds.get(pattern);
    if (known !== undefined) return known;
    if (pattern.length === 0) return -1;
    const id = this.patternIds.size;
    this.patternIds.set(pattern, id);
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let next = this.edge(node, unit);
      if (next < 0) next = this.addNode(node, unit);
      node = next;
    }
    this.patternOf[node] = id;
    this.compiled = undefined;
    return id;
  }

  /**
   * Calls `visit(start, end, id)` for every occurrence of a pattern inside `text[from, to)`: by increasing end,
   * and for one end from the longest pattern to the shortest.
   */
  scan(text: string, from: number, to: number, visit: (start: number, end: number, id: number) => void): void {
    if (this.patternIds.size === 0) return;
    const c = (this.compiled ??= this.compile());
    const { fail, output, depth, pattern, onlyUnit, onlyChild } = c;
    const rootEdges = this.rootEdges;
    const manyEdges = this.manyEdges;
    let node = 0;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      for (;;) {
        let next: number;
        if (node === 0) next = rootEdges.get(unit) ?? -1;
        else if (onlyUnit[node] === unit) next = onlyChild[node]!;
        else next = onlyUnit[node] === MANY ? (manyEdges[node]!.get(unit) ?? -1) : -1;
        if (next >= 0) {
          node = next;
          break;
        }
        if (node === 0) break;
        node = fail[node]!;
      }
      for (let m = pattern[node]! >= 0 ? node : output[node]!; m > 0; m = output[m]!) visit(i + 1 - depth[m]!, i + 1, pattern[m]!);
    }
  }

  private edge(node: number, unit: number): number {
    if (node === 0) return this.rootEdges.get(unit) ?? -1;
    if (this.onlyUnit[node] === unit) return this.onlyChild[node]!;
    return this.onlyUnit[node] === MANY ? (this.manyEdges[node]!.get(unit) ?? -1) : -1;
  }

  private addNode(parent: number, unit: number): number {
    const node = this.units.length;
    this.units.push(unit);
    this.parents.push(parent);
    this.depths.push(this.depths[parent]! + 1);
    this.patternOf.push(-1);
    this.onlyUnit.push(-1);
    this.onlyChild.push(-1);
    this.manyEdges.push(undefined);
    if (parent === 0) this.rootEdges.set(unit, node);
    else if (this.onlyUnit[parent] === -1) {
      this.onlyUnit[parent] = unit;
      this.onlyChild[parent] = node;
    } else {
      let many = this.manyEdges[parent];
      if (!many) {
        many = new Map([[this.onlyUnit[parent]!, this.onlyChild[parent]!]]);
        this.manyEdges[parent] = many;
        this.onlyUnit[parent] = MANY;
        this.onlyChild[parent] = -1;
      }
      many.set(unit, node);
    }
    return node;
  }

  /**
   * Failure and output links, breadth first (a node's links point to shallower nodes, which are done by then).
   * Nodes are numbered as they were added, which is not breadth first, so the order is made here.
   */
  private compile(): Compiled {
    const count = this.units.length;
    const fail = new Int32Array(count);
    const output = new Int32Array(count).fill(-1);
    const order = new Int32Array(count);
    let head = 0;
    let tail = 0;
    const children = (node: number, each: (child: number) => void) => {
      if (node === 0) for (const child of this.rootEdges.values()) each(child);
      else if (this.onlyUnit[node] === MANY) for (const child of this.manyEdges[node]!.values()) each(child);
      else if (this.onlyUnit[node]! >= 0) each(this.onlyChild[node]!);
    };
    children(0, (child) => (order[tail++] = child));
    while (head < tail) {
      const node = order[head++]!;
      const parent = this.parents[node]!;
      if (parent !== 0) {
        const unit = this.units[node]!;
        let f = fail[parent]!;
        let next = this.edge(f, unit);
        while (next < 0 && f !== 0) {
          f = fail[f]!;
          next = this.edge(f, unit);
        }
        fail[node] = next >= 0 ? next : 0;
      }
      const f = fail[node]!;
      output[node] = f !== 0 && this.patternOf[f]! >= 0 ? f : output[f]!;
      children(node, (child) => (order[tail++] = child));
    }
    return {
      fail,
      output,
      depth: Int32Array.from(this.depths),
      pattern: Int32Array.from(this.patternOf),
      onlyUnit: Int32Array.from(this.onlyUnit),
      onlyChild: Int32Array.from(this.onlyChild),
    };
  }
}

/** `onlyUnit` of a node with several children (they are in `manyEdges`). */
const MANY = -2;

interface Compiled {
  fail: Int32Array;
  /** The nearest node on the failure chain (not the node itself) that ends a pattern, or -1. */
  output: Int32Array;
  depth: Int32Array;
  /** The id of the pattern a node ends, or -1. */
  pattern: Int32Array;
  onlyUnit: Int32Array;
  onlyChild: Int32Array;
}
