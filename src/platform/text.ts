/** NFC-normalises text on the way in, so composed and decomposed Vietnamese are stored alike. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * Folds text for accent-insensitive search: `Xuân Đỉnh`, `xuan dinh` and the decomposed
 * form all fold to `xuan dinh`. Đ has no decomposition, so it is mapped by hand.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds the folded search column from several fields. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return foldText(parts.filter((p): p is string => Boolean(p)).join(' '));
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `escape '\'`. */
export function likePattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
