/**
 * The analyzer's lattice (src/analyzer/analyzer.ts) in AssemblyScript, compiled to WebAssembly by
 * `npm run build:wasm` (scripts/wasm/build.mjs) into src/analyzer/latticeWasm.ts. It is the one hot loop of the
 * analyzer: every dictionary entry at every position, its cheapest predecessor and its node. V8 compiles the same
 * loop in JavaScript with a map check, a bounds check and a reload of each typed array's data pointer per access;
 * here an access is one load.
 *
 * Everything lives in the one memory that the host passes in (see lattice.ts there for the layout). Addresses are
 * byte offsets. The host copies the dictionary in once, then per text writes its UTF-16 units and calls
 * `analyze` per segment; nodes, the first node ending at each position, the walked bits and the name triples are
 * read back from memory. The order in which nodes are added, and so every tie, is that of the JavaScript original.
 */

// Node records: 8 Int32 (32 bytes), the same fields as in analyzer.ts.
const N_START = 0;
const N_END = 4;
const N_REF = 8;
const N_KIND = 12;
const N_RIGHT = 16;
const N_COST = 20;
const N_BACK = 24;
const N_NEXT = 28;

const KIND_BOS = 0;
const KIND_DICT = 1;
const KIND_UNKNOWN = 2;
const KIND_USER = 3;
/** A dictionary node's kind field also holds its entry's info bits (tag, type, name class), above KIND_BITS. */
const KIND_BITS = 2;

// Bits of chars.bin and the trie's check (dictionary.ts).
const CHAR_CLASS_MASK: u32 = 0xf;
const CHAR_INVOKE: u32 = 1 << 4;
const CHAR_GROUP: u32 = 1 << 5;
const CHAR_PUNCT: u32 = 1 << 6;
const CHAR_DIGIT: u32 = 1 << 7;
const CHAR_NON_SPACING_MARK: u32 = 1 << 8;
const CHAR_SPACE: u32 = (1 << 9) | (1 << 10);
const CHAR_SCRIPT_SHIFT: u32 = 16;
const TRIE_HAS_VALUE: i32 = 1 << 30;
const TRIE_PARENT_MASK: i32 = TRIE_HAS_VALUE - 1;
const HANGUL_FIRST: u32 = 0xac00;
const INFO_CLASS_SHIFT: i32 = 8;
const MAX_UNKNOWN_LENGTH: i32 = 1024;

// The dictionary and scratch tables (set once by init).
let trie: usize = 0;
let trieSize: i32 = 0;
let codes: usize = 0;
let rootChild: usize = 0;
let entries: usize = 0;
let matrix: usize = 0;
let rightIds: i32 = 0;
let rowMin: usize = 0;
let chars: usize = 0;
let hangulInfo: u32 = 0;
let hangulSpan: u32 = 0;
let penaltyByTag: usize = 0;
let namedIndices: i32 = 0;
let unknownStart: usize = 0;
let unknownCount: usize = 0;
let unknownDefs: usize = 0;
let hanjaClass: i32 = -1;
let rightStamp: usize = 0;
let rightSlot: usize = 0;
let predRight: usize = 0;
let predCost: usize = 0;
let predNode: usize = 0;
let leftStamp: usize = 0;
let leftCost: usize = 0;
let leftNode: usize = 0;

// Per call.
let stamp: i32 = 0;
let predCount: i32 = 0;
let nodes: usize = 0;
let nodeCapacity: i32 = 0;
let nodeCount: i32 = 0;
let head: usize = 0;
let segmentStart: i32 = 0;
let overflow: bool = false;
let names: usize = 0;
let nameCount: i32 = 0;
let bestCost: i32 = 0;
let bestNode: i32 = 0;

/** Sets the addresses of the dictionary's tables and of the scratch arrays (see lattice.ts for each). */
export function init(
  trieAt: usize, trieSlots: i32, codesAt: usize, rootChildAt: usize, entriesAt: usize, matrixAt: usize, rights: i32,
  rowMinAt: usize, charsAt: usize, hangulInfoValue: u32, hangulSpanValue: u32, penaltyAt: usize, named: i32,
  unknownStartAt: usize, unknownCountAt: usize, unknownDefsAt: usize, hanja: i32, scratchAt: usize, lefts: i32,
): void {
  trie = trieAt;
  trieSize = trieSlots;
  codes = codesAt;
  rootChild = rootChildAt;
  entries = entriesAt;
  matrix = matrixAt;
  rightIds = rights;
  rowMin = rowMinAt;
  chars = charsAt;
  hangulInfo = hangulInfoValue;
  hangulSpan = hangulSpanValue;
  penaltyByTag = penaltyAt;
  namedIndices = named;
  unknownStart = unknownStartAt;
  unknownCount = unknownCountAt;
  unknownDefs = unknownDefsAt;
  hanjaClass = hanja;
  const r = <usize>rights << 2;
  const l = <usize>lefts << 2;
  rightStamp = scratchAt;
  rightSlot = rightStamp + r;
  predRight = rightSlot + r;
  predCost = predRight + r;
  predNode = predCost + r;
  leftStamp = predNode + r;
  leftCost = leftStamp + l;
  leftNode = leftCost + l;
  stamp = 0;
}

/** The number of Int32 of scratch that init's `scratchAt` must point to. */
export function scratchWords(rights: i32, lefts: i32): i32 {
  return 5 * rights + 3 * lefts;
}

/** The nodes added by the last analyze call. */
export function nodesAdded(): i32 {
  return nodeCount;
}

/** The Int32 written to the name triples so far. */
export function nameWords(): i32 {
  return nameCount;
}

@inline
function infoOf(unit: u32): u32 {
  return unit - HANGUL_FIRST < hangulSpan ? hangulInfo : load<u32>(chars + (<usize>unit << 2));
}

@inline
function unitAt(text: usize, index: i32): u32 {
  return <u32>load<u16>(text + (<usize>index << 1));
}

function addNode(kind: i32, ref: i32, start: i32, end: i32, rightId: i32, cost: i32, back: i32): void {
  const x = nodeCount;
  if (x >= nodeCapacity) {
    overflow = true;
    return;
  }
  nodeCount = x + 1;
  const o = nodes + (<usize>x << 5);
  const h = head + (<usize>(end - segmentStart) << 2);
  store<i32>(o + N_START, start);
  store<i32>(o + N_END, end);
  store<i32>(o + N_REF, ref);
  store<i32>(o + N_KIND, kind);
  store<i32>(o + N_RIGHT, rightId);
  store<i32>(o + N_COST, cost);
  store<i32>(o + N_BACK, back);
  store<i32>(o + N_NEXT, load<i32>(h));
  store<i32>(h, x);
}

/**
 * The cheapest way into a word with this left id from the predecessors gathered for the position (bestCost,
 * bestNode), once per left id and position. Predecessors come cheapest first and no connection into the left id
 * costs less than its row minimum, so the scan stops at the first that cannot win.
 */
@inline
function cheapestInto(leftId: i32): void {
  const l = <usize>leftId << 2;
  if (load<i32>(leftStamp + l) == stamp) {
    bestCost = load<i32>(leftCost + l);
    bestNode = load<i32>(leftNode + l);
    return;
  }
  const row = matrix + ((<usize>leftId * <usize>rightIds) << 1);
  const floor = <i32>load<i16>(rowMin + (<usize>leftId << 1));
  let best: i32 = 0x7fffffff;
  let node: i32 = -1;
  for (let k = 0; k < predCount; k++) {
    const at = <usize>k << 2;
    const pc = load<i32>(predCost + at);
    if (pc + floor > best) break;
    const c = pc + <i32>load<i16>(row + (<usize>load<i32>(predRight + at) << 1));
    const pn = load<i32>(predNode + at);
    if (c < best || (c == best && pn < node)) {
      best = c;
      node = pn;
    }
  }
  store<i32>(leftStamp + l, stamp);
  store<i32>(leftCost + l, best);
  store<i32>(leftNode + l, node);
  bestCost = best;
  bestNode = node;
}

function connect(start: i32, end: i32, leftId: i32, rightId: i32, wordCost: i32, kind: i32, ref: i32): void {
  cheapestInto(leftId);
  addNode(kind, ref, start, end, rightId, bestCost + wordCost, bestNode);
}

/** The distinct right ids of the nodes ending here, each with its cheapest node (the earliest on ties), cheapest first. */
function gatherPredecessors(fromHead: i32): void {
  const s = ++stamp;
  let k: i32 = 0;
  for (let x = fromHead; x >= 0; x = load<i32>(nodes + (<usize>x << 5) + N_NEXT)) {
    const o = nodes + (<usize>x << 5);
    const r = <usize>load<i32>(o + N_RIGHT) << 2;
    const c = load<i32>(o + N_COST);
    if (load<i32>(rightStamp + r) != s) {
      store<i32>(rightStamp + r, s);
      store<i32>(rightSlot + r, k);
      const at = <usize>k << 2;
      store<i32>(predRight + at, <i32>(r >> 2));
      store<i32>(predCost + at, c);
      store<i32>(predNode + at, x);
      k++;
    } else {
      const j = <usize>load<i32>(rightSlot + r) << 2;
      const jc = load<i32>(predCost + j);
      if (c < jc || (c == jc && x < load<i32>(predNode + j))) {
        store<i32>(predCost + j, c);
        store<i32>(predNode + j, x);
      }
    }
  }
  for (let i = 1; i < k; i++) {
    const r = load<i32>(predRight + (<usize>i << 2));
    const c = load<i32>(predCost + (<usize>i << 2));
    const x = load<i32>(predNode + (<usize>i << 2));
    let j = i - 1;
    while (j >= 0) {
      const at = <usize>j << 2;
      const jc = load<i32>(predCost + at);
      if (!(jc > c || (jc == c && load<i32>(predNode + at) > x))) break;
      store<i32>(predRight + at + 4, load<i32>(predRight + at));
      store<i32>(predCost + at + 4, jc);
      store<i32>(predNode + at + 4, load<i32>(predNode + at));
      j--;
    }
    const to = (<usize>(j + 1)) << 2;
    store<i32>(predRight + to, r);
    store<i32>(predCost + to, c);
    store<i32>(predNode + to, x);
  }
  predCount = k;
}

/**
 * Builds the lattice of `text[from, to)` (text: UTF-16 units at `text`) and returns the last node of the best
 * path (-1: none), or -2 when the nodes or the name triples did not fit (the host grows them and calls again).
 *
 * `text`, `user` and `walked` are addressed by the unit's index in the whole text (the host passes addresses less
 * `from` units, so that only the segment needs room; addresses wrap around like every i32): text, the UTF-16
 * units; walked, a byte per unit, set to 1 where a walk started and went to its end; user (read only when
 * `hasUser`: a biased address may be 0), six Int32 per unit (end of the longest user word starting there or 0,
 * left id, right id, cost, space penalty, reference).
 * head: (to - from + 1) Int32, the first node ending at each position. names: triples (start, end, classes) from
 * Int32 `firstName` on, room for `nameCapacity` Int32 in all.
 */
export function analyze(
  text: usize, from: i32, to: i32, endStopsWalks: bool, hasUser: bool, user: usize, headAt: usize, walked: usize,
  namesAt: usize, firstName: i32, nameCapacity: i32, nodesAt: usize, capacity: i32,
): i32 {
  nodes = nodesAt;
  nodeCapacity = capacity;
  nodeCount = 0;
  head = headAt;
  segmentStart = from;
  overflow = false;
  names = namesAt;
  nameCount = firstName;
  memory.fill(head, 0xff, <usize>(to - from + 1) << 2);
  addNode(KIND_BOS, 0, from, from, 0, 0, -1);
  const classBits: i32 = 3 << INFO_CLASS_SHIFT;
  // The unknown-word group read last (a chain): from chainStart, the units before scanPos belong to it (broken: the
  // unit at scanPos, or the segment's end, stops it). A later start inside it whose script state is the one the
  // chain has there reads on from scanPos instead of from itself: reading every group to its end (up to
  // MAX_UNKNOWN_LENGTH units) from each of its units made a run of punctuation cost a thousand steps a unit.
  let chainStart: i32 = -1;
  let chainScript: u32 = 0;
  let chainPunct: u32 = 0;
  let chainDigit: u32 = 0;
  let scanPos: i32 = 0;
  let scanScript: u32 = 0;
  let broken = false;
  /** Where the chain's script went from none (0) to the first script it met, or -1. */
  let adoptPos: i32 = -1;

  for (let p = from; p < to; p++) {
    const fromHead = load<i32>(head + (<usize>(p - from) << 2));
    if (fromHead < 0) continue;
    let s = p;
    for (; s < to; s++) {
      if (!(infoOf(unitAt(text, s)) & CHAR_SPACE)) break;
    }
    if (s == to) break;
    const spaced = s > p;
    let anyMatch = false;
    gatherPredecessors(fromHead);

    if (hasUser) {
      const u = user + <usize>s * 24;
      const end = load<i32>(u);
      if (end > 0) {
        anyMatch = true;
        connect(s, end, load<i32>(u, 4), load<i32>(u, 8), load<i32>(u, 12) + (spaced ? load<i32>(u, 16) : 0), KIND_USER, load<i32>(u, 20));
      }
    }

    // Every dictionary word starting at s: one (base, check, value) record per character (see lattice.ts there).
    const firstCode = <usize>load<u16>(codes + (<usize>unitAt(text, s) << 1));
    let node: i32 = firstCode == 0 ? -1 : load<i32>(rootChild + firstCode * 12);
    if (nameCount + 3 * (to - s) > nameCapacity) overflow = true;
    let i = s;
    for (; node >= 0 && i < to && !overflow; i++) {
      let value: i32;
      let base: i32;
      if (i == s) {
        base = load<i32>(rootChild + firstCode * 12, 4);
        value = load<i32>(rootChild + firstCode * 12, 8);
      } else {
        const code = <i32>load<u16>(codes + (<usize>unitAt(text, i) << 1));
        if (code == 0) break;
        const nextNode = load<i32>(trie + <usize>node * 12) + code;
        if (nextNode >= trieSize) break;
        const check = load<i32>(trie + <usize>nextNode * 12, 4);
        if ((check & TRIE_PARENT_MASK) != node) break;
        node = nextNode;
        base = load<i32>(trie + <usize>node * 12);
        value = load<i32>(trie + <usize>node * 12, 8);
      }
      if (base < 0) node = -1;
      if (value >= 0) {
        const first = value >> 6;
        const last = first + (value & 63);
        anyMatch = true;
        let infos: i32 = 0;
        for (let e = first; e < last; e++) {
          const o = entries + (<usize>e << 3);
          const leftId = <i32>load<i16>(o);
          const info = <i32>load<i16>(o, 6);
          infos |= info;
          const wordCost = <i32>load<i16>(o, 4) + (spaced ? load<i32>(penaltyByTag + (<usize>(info & 0x3f) << 2)) : 0);
          cheapestInto(leftId);
          addNode(KIND_DICT | (info << KIND_BITS), e, s, i + 1, <i32>load<i16>(o, 2), bestCost + wordCost, bestNode);
        }
        if (i > s && ((infos & classBits) != 0 || (namedIndices & 1) != 0)) {
          let classes: i32 = 0;
          for (let e = first; e < last; e++) classes |= 1 << ((<i32>load<i16>(entries + (<usize>e << 3), 6) >> INFO_CLASS_SHIFT) & 3);
          if ((classes & namedIndices) != 0) {
            const n = names + (<usize>nameCount << 2);
            store<i32>(n, s);
            store<i32>(n, i + 1, 4);
            store<i32>(n, classes, 8);
            nameCount += 3;
          }
        }
      }
    }
    if (node < 0 || i < to || endStopsWalks) store<u8>(walked + <usize>s, 1);

    // Unknown words: where the dictionary has nothing, or the character class always invokes them.
    const firstUnit = unitAt(text, s);
    const info = infoOf(firstUnit);
    if (!anyMatch || (info & CHAR_INVOKE) != 0) {
      let cls = <i32>(info & CHAR_CLASS_MASK);
      let length: i32 = 1;
      if (info & CHAR_GROUP) {
        // The group: the units after s of the same script (a unit of none, 0, goes with any, and a group that
        // starts with none takes the first script it meets, and that unit's class), punctuation and digit flags,
        // up to MAX_UNKNOWN_LENGTH units.
        const own = (info >>> CHAR_SCRIPT_SHIFT) & 0xff;
        let inChain = chainStart >= 0 && s >= chainStart && s < scanPos;
        if (inChain && s > chainStart) {
          const stateAt: u32 = chainScript != 0 ? chainScript : adoptPos >= 0 && adoptPos <= s ? (infoOf(unitAt(text, adoptPos)) >>> CHAR_SCRIPT_SHIFT) & 0xff : 0;
          inChain = stateAt == own;
        }
        if (!inChain) {
          chainStart = s;
          chainScript = own;
          chainPunct = info & CHAR_PUNCT;
          chainDigit = info & CHAR_DIGIT;
          scanPos = s + 1;
          scanScript = own;
          broken = false;
          adoptPos = -1;
        }
        const limit = s + MAX_UNKNOWN_LENGTH;
        while (!broken && scanPos < limit) {
          if (scanPos >= to) {
            broken = true;
            break;
          }
          const ci = infoOf(unitAt(text, scanPos));
          const sc = (ci >>> CHAR_SCRIPT_SHIFT) & 0xff;
          const sameScript = sc == scanScript || scanScript == 0 || sc == 0 || (ci & CHAR_NON_SPACING_MARK) != 0;
          if ((ci & CHAR_SPACE) != 0 || !sameScript || (ci & CHAR_PUNCT) != chainPunct || (ci & CHAR_DIGIT) != chainDigit || !(ci & CHAR_GROUP)) {
            broken = true;
            break;
          }
          if (scanScript == 0 && sc != 0) {
            scanScript = sc;
            adoptPos = scanPos;
          }
          scanPos++;
        }
        const end = scanPos < limit ? scanPos : limit;
        length = end - s;
        if (own == 0 && adoptPos > s && adoptPos < end) cls = <i32>(infoOf(unitAt(text, adoptPos)) & CHAR_CLASS_MASK);
      }
      const lastUnit = unitAt(text, s + length - 1);
      if (lastUnit >= 0xd800 && lastUnit <= 0xdbff && s + length < to) length++;
      if (firstUnit >= 0xd840 && firstUnit <= 0xd8bf && hanjaClass >= 0) cls = hanjaClass;
      const defStart = load<i32>(unknownStart + (<usize>cls << 2));
      const defCount = load<i32>(unknownCount + (<usize>cls << 2));
      for (let k = 0; k < defCount; k++) {
        const d = unknownDefs + <usize>(defStart + k) * 20;
        connect(s, s + length, load<i32>(d), load<i32>(d, 4), load<i32>(d, 8) + (spaced ? load<i32>(d, 12) : 0), KIND_UNKNOWN, load<i32>(d, 16));
      }
    }
    if (overflow) return -2;
  }
  if (overflow) return -2;

  // End of sentence (left context id 0) after the last non-space character.
  let last = to;
  while (last > from && (load<u32>(chars + (<usize>unitAt(text, last - 1) << 2)) & CHAR_SPACE) != 0) last--;
  let best: i32 = 0x7fffffff;
  let found: i32 = -1;
  for (let x = load<i32>(head + (<usize>(last - from) << 2)); x >= 0; x = load<i32>(nodes + (<usize>x << 5) + N_NEXT)) {
    const o = nodes + (<usize>x << 5);
    const c = load<i32>(o + N_COST) + <i32>load<i16>(matrix + (<usize>load<i32>(o + N_RIGHT) << 1));
    if (c < best || (c == best && x < found)) {
      best = c;
      found = x;
    }
  }
  return found;
}
