/**
 * The initial-sound rule (두음 법칙), 한글 맞춤법 제10–12항, on single Hangul syllables.
 *
 * 제10항: 한자음 '녀, 뇨, 뉴, 니'가 단어 첫머리에 올 적에는 '여, 요, 유, 이'로 적는다 (女子 여자).
 * 제11항: 한자음 '랴, 려, 례, 료, 류, 리'가 단어의 첫머리에 올 적에는 '야, 여, 예, 요, 유, 이'로 적는다 (李 이, 柳 유);
 *         다만, 모음이나 'ㄴ' 받침 뒤에 이어지는 '렬, 률'은 '열, 율'로 적는다 (나열, 비율, 선율).
 * 제12항: 한자음 '라, 래, 로, 뢰, 루, 르'가 단어의 첫머리에 올 적에는 '나, 내, 노, 뇌, 누, 느'로 적는다 (盧 노, 洛 낙).
 * Within a word the original reading (본음) stays: 남녀, 유성룡, 쌍룡.
 */

const SBASE = 0xac00;
const SLAST = 0xd7a3;
// Jungseong indices of ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ, the vowels before which ㄴ and ㄹ drop (제10–11항).
const IOTIZED = new Set([2, 3, 6, 7, 12, 17, 20]);
const NIEUN = 2;
const RIEUL = 5;
const IEUNG = 11;

/** The syllable as written at the start of a word. Non-syllables are returned unchanged. */
export function initialForm(syllable: string): string {
  const code = syllable.charCodeAt(0);
  if (syllable.length !== 1 || code < SBASE || code > SLAST) return syllable;
  const index = code - SBASE;
  const lead = Math.floor(index / 588);
  const rest = index % 588;
  const vowel = Math.floor(rest / 28);
  if (lead === NIEUN && IOTIZED.has(vowel)) return String.fromCharCode(SBASE + IEUNG * 588 + rest);
  if (lead === RIEUL) return String.fromCharCode(SBASE + (IOTIZED.has(vowel) ? IEUNG : NIEUN) * 588 + rest);
  return syllable;
}

/** The syllable as written inside a word after `previous` (제11항 다만: 렬, 률 → 열, 율 after a vowel or ㄴ). */
export function medialForm(previous: string | undefined, syllable: string): string {
  if (syllable !== '렬' && syllable !== '률') return syllable;
  if (previous === undefined) return syllable;
  const code = previous.charCodeAt(0);
  if (code < SBASE || code > SLAST) return syllable;
  const coda = (code - SBASE) % 28;
  if (coda === 0 || coda === 4) return syllable === '렬' ? '열' : '율';
  return syllable;
}

/** A word's reading from its syllables' original readings: the rule at its start, 렬/률 inside. */
export function composeWord(syllables: readonly string[]): string {
  let out = '';
  for (let i = 0; i < syllables.length; i++) {
    out += i === 0 ? initialForm(syllables[i]!) : medialForm(syllables[i - 1], syllables[i]!);
  }
  return out;
}
