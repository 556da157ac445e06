import { basename } from 'node:path';
import { badRequest, tooLarge } from '../platform/http/errors';
import { normalizeText } from '../platform/text';

// Survey photos of a planned site: JPEG, PNG or WebP, told apart by their first bytes rather
// than by the name or the declared type, which a phone or a browser may get wrong.

export const photoMaxBytes = 10 * 1024 * 1024;

export interface ImageKind {
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  ext: 'jpg' | 'png' | 'webp';
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

/** The image format of a file from its magic bytes, or null when it is none of the three. */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mime: 'image/png', ext: 'png' };
  }
  // RIFF, four bytes of length, then WEBP.
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return { mime: 'image/webp', ext: 'webp' };
  }
  return null;
}

export function requireImage(bytes: Uint8Array): ImageKind {
  if (bytes.length === 0) throw badRequest('the photo is empty', 'file');
  const kind = imageKind(bytes);
  if (!kind) throw badRequest('the file is not a JPEG, PNG or WebP image', 'file');
  return kind;
}

export const photoTooLarge = () =>
  tooLarge(`a photo may be at most ${photoMaxBytes / 1024 / 1024} MB`, 'file');

/** The name to keep: the last path component, NFC, at most 200 characters; a default if none. */
export function photoFileName(requested: string | undefined, kind: ImageKind): string {
  const name = normalizeText(basename((requested ?? '').replaceAll('\\', '/')));
  if (name.length === 0) return `photo.${kind.ext}`;
  if (name.length > 200) throw badRequest('fileName may be at most 200 characters', 'fileName');
  return name;
}
