import { describe, expect, it } from 'vitest';
import { foldText, likePattern, normalizeText } from './text';

describe('text folding', () => {
  it('folds composed, decomposed and unaccented Vietnamese to the same key', () => {
    const composed = 'Xuân Đỉnh'.normalize('NFC');
    const decomposed = 'Xuân Đỉnh'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    expect(foldText(composed)).toBe('xuan dinh');
    expect(foldText(decomposed)).toBe('xuan dinh');
    expect(foldText('  XUAN   dinh ')).toBe('xuan dinh');
  });

  it('normalises stored text to NFC', () => {
    expect(normalizeText('Thạch Trị'.normalize('NFD'))).toBe('Thạch Trị'.normalize('NFC'));
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
