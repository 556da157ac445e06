import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { imageKind, photoFileName, requireImage } from './site-photo-rules';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('imageKind', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(imageKind(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))?.mime).toBe('image/jpeg');
    expect(imageKind(bytes(0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a, 0))?.ext).toBe('png');
    expect(imageKind(bytes(...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBPVP8 ')))?.mime).toBe(
      'image/webp',
    );
  });

  it('refuses other RIFF files, text and truncated headers', () => {
    expect(imageKind(bytes(...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WAVE')))).toBeNull();
    expect(imageKind(bytes(...ascii('hello, not an image')))).toBeNull();
    expect(imageKind(bytes(0xff, 0xd8))).toBeNull();
  });

  it('names the file when refusing', () => {
    try {
      requireImage(bytes(...ascii('GIF89a')));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).field).toBe('file');
    }
  });
});

describe('photoFileName', () => {
  const jpeg = { mime: 'image/jpeg', ext: 'jpg' } as const;

  it('keeps the last path part of the name, or makes one up', () => {
    expect(photoFileName('C:\\Users\\An\\ngo-27.jpg', jpeg)).toBe('ngo-27.jpg');
    expect(photoFileName('../../etc/passwd', jpeg)).toBe('passwd');
    expect(photoFileName(undefined, jpeg)).toBe('photo.jpg');
  });
});
