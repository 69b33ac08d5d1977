import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternAutomaton } from '../../src/text/patternAutomaton.js';

function occurrences(automaton: PatternAutomaton, text: string, from = 0, to = text.length): [number, number, number][] {
  const out: [number, number, number][] = [];
  automaton.scan(text, from, to, (start, end, id) => out.push([start, end, id]));
  return out;
}

/** Every occurrence by comparing every pattern at every start, ordered as the automaton reports them. */
function byComparing(patterns: readonly string[], text: string, from: number, to: number): [number, number, number][] {
  const ids = new Map<string, number>();
  for (const p of patterns) if (p && !ids.has(p)) ids.set(p, ids.size);
  const out: [number, number, number][] = [];
  for (const [p, id] of ids) for (let s = from; s + p.length <= to; s++) if (text.startsWith(p, s)) out.push([s, s + p.length, id]);
  return out.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

describe('PatternAutomaton', () => {
  it('reports every occurrence, by end, the longest first at one end', () => {
    const automaton = new PatternAutomaton();
    for (const p of ['he', 'she', 'his', 'hers']) automaton.add(p);
    expect(occurrences(automaton, 'ushers')).toEqual([
      [1, 4, 1],
      [2, 4, 0],
      [2, 6, 3],
    ]);
  });

  it('gives a pattern added again its first id, and nothing for the empty pattern', () => {
    const automaton = new PatternAutomaton();
    expect([automaton.add('인천'), automaton.add('인천시'), automaton.add('인천'), automaton.add('')]).toEqual([0, 1, 0, -1]);
    expect(automaton.size).toBe(2);
  });

  it('reads only the range it is given', () => {
    const automaton = new PatternAutomaton();
    automaton.add('가나');
    expect(occurrences(automaton, '가나가나가나', 1, 5)).toEqual([[2, 4, 0]]);
  });

  it('takes patterns added after a scan', () => {
    const automaton = new PatternAutomaton();
    automaton.add('가');
    expect(occurrences(automaton, '가나')).toEqual([[0, 1, 0]]);
    automaton.add('가나');
    expect(occurrences(automaton, '가나')).toEqual([[0, 1, 0], [0, 2, 1]]);
  });

  it('finds what comparing every pattern at every start finds', () => {
    const letter = fc.constantFrom('a', 'b', 'c', '가', '\ud840', '\udc00');
    fc.assert(
      fc.property(
        fc.array(fc.array(letter, { maxLength: 5 }).map((p) => p.join('')), { minLength: 1, maxLength: 8 }),
        fc.array(letter, { maxLength: 40 }).map((p) => p.join('')),
        fc.nat(),
        fc.nat(),
        (patterns, text, a, b) => {
          const automaton = new PatternAutomaton();
          for (const p of patterns) automaton.add(p);
          const from = text.length === 0 ? 0 : a % text.length;
          const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
          expect(occurrences(automaton, text, from, to)).toEqual(byComparing(patterns, text, from, to));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
