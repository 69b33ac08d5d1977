/**
 * The initial-sound rule (두음 법칙), 한글 맞춤법 제10–12항, on single Hangul syllables.
 *
 * 제10항: 한자음 '녀, 뇨, 뉴, 니'가 단어 첫머리에 올 적에는 '여, 요, 유, 이'로 적는다 (女子 여자).
 * 제11항: 한자음 '랴, 려, 례, 료, 류, 리'가 단어의 첫머리에 올 적에는 '야, 여, 예, 요, 유, 이'로 적는다 (李 이, 柳 유);
 *         다만, 모음이나 'ㄴ' 받침 뒤에 이어지는 '렬, 률'은 '열, 율'로 적는다 (나열, 비율, 선율).
 * 제12항: 한자음 '라, 래, 로, 뢰, 루, 르'가 단어의 첫머리에 올 적에는 '나, 내, 노, 뇌, 누, 느'로 적는다 (盧 노, 洛 낙).
 * Within a word the original reading (본음) stays: 남녀, 유성룡, 쌍룡.
 */

import { combineCharacter, disassembleCompleteCharacter } from 'es-hangul';

/** The vowels before which ㄴ and ㄹ drop (제10–11항): ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ. */
const IOTIZED = new Set(['ㅑ', 'ㅒ', 'ㅕ', 'ㅖ', 'ㅛ', 'ㅠ', 'ㅣ']);

/** The syllable as written at the start of a word. Non-syllables are returned unchanged. */
export function initialForm(syllable: string): string {
  const parts = syllable.length === 1 ? disassembleCompleteCharacter(syllable) : undefined;
  if (!parts) return syllable;
  const { choseong, jungseong, jongseong } = parts;
  if (choseong === 'ㄴ' && IOTIZED.has(jungseong)) return combineCharacter('ㅇ', jungseong, jongseong);
  if (choseong === 'ㄹ') return combineCharacter(IOTIZED.has(jungseong) ? 'ㅇ' : 'ㄴ', jungseong, jongseong);
  return syllable;
}

/** The syllable as written inside a word after `previous` (제11항 다만: 렬, 률 → 열, 율 after a vowel or ㄴ). */
export function medialForm(previous: string | undefined, syllable: string): string {
  if ((syllable !== '렬' && syllable !== '률') || previous === undefined) return syllable;
  const coda = previous.length === 1 ? disassembleCompleteCharacter(previous)?.jongseong : undefined;
  if (coda === '' || coda === 'ㄴ') return syllable === '렬' ? '열' : '율';
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
