import { describe, expect, it } from 'vitest';
import { cleanFileName, sourceOf } from './acquire';
import { attachmentDisposition } from './evidence-send';
import { absoluteEvidencePath, storedExtension, storedRelativePath } from './evidence-files';
import { extractWindow } from './evidence.service';
import { deliveredRange } from './extract';

describe('evidence store', () => {
  it('keeps known video extensions, lower-cased, and stores anything else as .bin', () => {
    expect(storedExtension('Cam1.MP4')).toBe('.mp4');
    expect(storedExtension('dvr-export.ts')).toBe('.ts');
    expect(storedExtension('clip.mkv')).toBe('.mkv');
    expect(storedExtension('ghi hinh.exe')).toBe('.bin');
    expect(storedExtension('no-extension')).toBe('.bin');
    expect(storedRelativePath('inc-1', 'item-1', '.mp4')).toBe('inc-1/item-1.mp4');
  });

  it('refuses a stored path that points outside the evidence folder', () => {
    const config = { dataDir: '/srv/matthan' };
    expect(absoluteEvidencePath(config, 'inc/item.mp4')).toBe('/srv/matthan/evidence/inc/item.mp4');
    expect(() => absoluteEvidencePath(config, '../secret.key')).toThrow(/outside/);
    expect(() => absoluteEvidencePath(config, '/etc/passwd')).toThrow(/outside/);
  });

  it('keeps the last part of a given file name, NFC, without control characters', () => {
    expect(cleanFileName('C:\\Users\\an\\Camera cổng.mp4', '.mp4')).toBe('Camera cổng.mp4');
    expect(cleanFileName('../../etc/passwd', '.bin')).toBe('passwd');
    expect(cleanFileName('a\u0000b\n.mp4', '.mp4')).toBe('ab.mp4');
    expect(cleanFileName('Nha\u0300.ts', '.ts')).toBe('Nhà.ts');
    expect(cleanFileName('  ', '.mp4')).toBe('evidence.mp4');
    expect(cleanFileName(`${'x'.repeat(300)}.mp4`, '.mp4')).toHaveLength(200);
  });

  it('copies where the bytes came from, never the stream', () => {
    expect(sourceOf(undefined, null)).toMatchObject({ cameraId: null, cameraCode: null });
    expect(sourceOf(undefined, 'cam-gone')).toMatchObject({
      cameraId: 'cam-gone',
      cameraName: null,
    });
  });

  it('sends a Vietnamese file name intact, with an ASCII fallback that cannot break quotes', () => {
    expect(attachmentDisposition('Camera cổng "số 1".mp4')).toBe(
      `attachment; filename="Camera cong _so 1_.mp4"; filename*=UTF-8''Camera%20c%E1%BB%95ng%20%22s%E1%BB%91%201%22.mp4`,
    );
    expect(attachmentDisposition('Đường.ts')).toContain('filename="Duong.ts"');
  });

  it('accepts an extract window of up to 12 hours that has ended', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    expect(
      extractWindow({ from: '2025-03-01T00:00:00Z', to: '2025-03-01T12:00:00Z' }, now),
    ).toEqual({
      fromMs: Date.parse('2025-03-01T00:00:00Z'),
      toMs: now,
    });
    expect(() =>
      extractWindow({ from: '2025-03-01T00:00:00Z', to: '2025-03-01T12:00:01Z' }, now + 1000),
    ).toThrow(/at most 12 hours/);
    expect(() =>
      extractWindow({ from: '2025-03-01T11:00:00Z', to: '2025-03-01T12:00:01Z' }, now),
    ).toThrow(/future/);
  });

  it('reports the delivered range as the first and last instants covered', () => {
    const piece = (startMs: number, endMs: number) => ({ startMs, endMs, mediaStartSeconds: 0 });
    expect(
      deliveredRange({
        entries: [],
        pieces: [piece(5, 10), piece(20, 30)],
        missing: [],
        mediaSeconds: 0,
      }),
    ).toEqual({ fromMs: 5, toMs: 30 });
    expect(deliveredRange({ entries: [], pieces: [], missing: [], mediaSeconds: 0 })).toBeNull();
  });
});
