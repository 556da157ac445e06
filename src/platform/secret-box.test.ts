import { describe, expect, it } from 'vitest';
import { redactUrl, SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('a'.repeat(64));

  it('round-trips and never stores the plain text', () => {
    const url = 'rtsp://admin:hunter2@10.0.0.5:554/stream1';
    const sealed = box.seal(url);
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed)).toBe(url);
  });

  it('rejects a tampered value', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow();
  });

  it('makes MACs that depend on the text and the key', () => {
    expect(box.mac('head:1')).toMatch(/^[0-9a-f]{64}$/);
    expect(box.mac('head:1')).toBe(box.mac('head:1'));
    expect(box.mac('head:2')).not.toBe(box.mac('head:1'));
    expect(new SecretBox('b'.repeat(64)).mac('head:1')).not.toBe(box.mac('head:1'));
  });

  it('rejects a key of the wrong length', () => {
    expect(() => new SecretBox('abcd')).toThrow(/32 bytes/);
  });

  it('redacts credentials from URLs', () => {
    expect(redactUrl('rtsp://admin:pw@cam.local:554/s')).toBe('rtsp://***@cam.local:554/s');
    expect(redactUrl('rtsp://cam.local/s')).toBe('rtsp://cam.local/s');
  });
});
