import { describe, expect, it } from 'vitest';
import { parseAdts } from './adts';

/** An ADTS header (no CRC) for AAC LC, 16 kHz (index 8), mono, around `payload`. */
function adtsFrame(payload: Buffer): Buffer {
  const length = payload.length + 7;
  const header = Buffer.from([
    0xff,
    0xf1,
    (1 << 6) | (8 << 2) | 0,
    (1 << 6) | ((length >> 11) & 0x03),
    (length >> 3) & 0xff,
    ((length & 0x07) << 5) | 0x1f,
    0xfc,
  ]);
  return Buffer.concat([header, payload]);
}

describe('ADTS', () => {
  it('strips headers and reads rate, channels and the AudioSpecificConfig', () => {
    const frames = [Buffer.from([1, 2, 3]), Buffer.from([4, 5])];
    const stream = parseAdts(Buffer.concat(frames.map(adtsFrame)));
    expect(stream.frames).toEqual(frames);
    expect([stream.sampleRate, stream.channels]).toEqual([16000, 1]);
    expect(stream.config).toBe('1408'); // AAC LC, 16 kHz, mono
  });

  it('refuses a stream that is not ADTS', () => {
    expect(() => parseAdts(Buffer.from('not audio at all'))).toThrow(/sync word/);
  });
});
