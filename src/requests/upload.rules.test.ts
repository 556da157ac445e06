import { describe, expect, it } from 'vitest';
import type { MediaSummary } from '../evidence/evidence.types';
import { AppError } from '../platform/http/errors';
import { checkFileName, checkMedia, deliveredRange } from './upload.rules';

function thrown(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

const video = (format: string): MediaSummary => ({
  format,
  durationS: 10,
  video: { codec: 'h264', width: 1280, height: 720 },
  audio: null,
});

describe('upload file checks', () => {
  it('takes the extensions of MP4/MOV, AVI, MKV/WebM and MPEG-TS in any case', () => {
    for (const name of ['a.mp4', 'B.MOV', 'c.avi', 'd.mkv', 'e.webm', 'f.ts', 'g.m2ts']) {
      expect(() => checkFileName(name)).not.toThrow();
    }
    const error = thrown(() => checkFileName('notes.txt'));
    expect([error.status, error.field]).toEqual([400, 'fileName']);
    expect(error.message).toContain('MP4/MOV, AVI, MKV/WebM or MPEG-TS');
  });

  it('gives the MIME type of each accepted container', () => {
    expect(checkMedia(video('mov,mp4,m4a,3gp,3g2,mj2'), '.mp4')).toBe('video/mp4');
    expect(checkMedia(video('mov,mp4,m4a,3gp,3g2,mj2'), '.mov')).toBe('video/quicktime');
    expect(checkMedia(video('avi'), '.avi')).toBe('video/x-msvideo');
    expect(checkMedia(video('matroska,webm'), '.mkv')).toBe('video/x-matroska');
    expect(checkMedia(video('matroska,webm'), '.webm')).toBe('video/webm');
    expect(checkMedia(video('mpegts'), '.ts')).toBe('video/mp2t');
  });

  it('refuses what is not video: unreadable, or audio only', () => {
    expect(thrown(() => checkMedia(null, '.mp4')).message).toBe('not a video file');
    const audioOnly: MediaSummary = {
      format: 'mov,mp4',
      durationS: 3,
      video: null,
      audio: { codec: 'aac' },
    };
    expect(thrown(() => checkMedia(audioOnly, '.mp4')).field).toBe('file');
  });

  it('refuses another container, naming the accepted ones, and a name that misstates it', () => {
    const flv = thrown(() => checkMedia(video('flv'), '.mp4'));
    expect([flv.status, flv.field]).toEqual([400, 'file']);
    expect(flv.message).toContain('MP4/MOV, AVI, MKV/WebM or MPEG-TS');
    expect(thrown(() => checkMedia(video('avi'), '.mp4')).message).toMatch(/named \.mp4/);
  });

  it('takes a delivered range only whole and in order', () => {
    const parse = (v: string) => Date.parse(v);
    expect(deliveredRange(undefined, undefined, parse)).toBeNull();
    expect(deliveredRange('2025-03-01T10:00:00Z', '2025-03-01T10:05:00Z', parse)).toEqual({
      fromMs: Date.parse('2025-03-01T10:00:00Z'),
      toMs: Date.parse('2025-03-01T10:05:00Z'),
    });
    expect(thrown(() => deliveredRange('2025-03-01T10:00:00Z', undefined, parse)).field).toBe('to');
    expect(
      thrown(() => deliveredRange('2025-03-01T10:05:00Z', '2025-03-01T10:00:00Z', parse)).field,
    ).toBe('to');
  });
});
