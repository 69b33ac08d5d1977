import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.js';

describe('detectLanguage', () => {
  it.each([
    ['한국과 중국 정부가 전자상거래 협력에 나선다.', 'kor'],
    ['The Ministry of Economy and Finance will sign the agreement.', 'eng'],
    ['', 'und'],
    ['12', 'und'],
  ])('%j → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
