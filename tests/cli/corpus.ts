import { readFileSync } from 'node:fs';
import { sharedFile } from '../helpers.js';

/**
 * `count` lines of news-like text for runs that must take a while or fill several batches: the KLUE sample's lines
 * in turn when ../shared is there, else made-up sentences with people, places, dates and figures.
 */
export function corpusLines(count: number): string[] {
  const klue = sharedFile('bench/klue-open-text.txt');
  const source = klue
    ? readFileSync(klue, 'utf8').split('\n').filter(Boolean)
    : Array.from({ length: 97 }, (_, i) => `${i}번째 기사: 유정복 인천시장이 지난 ${(i % 28) + 1}일 웨이하이(威海)시에서 ${i + 3}천억원 규모의 MOU를 맺었다.`);
  return Array.from({ length: count }, (_, i) => source[i % source.length]!);
}
