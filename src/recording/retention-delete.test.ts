import { describe, expect, it } from 'vitest';
import { mediaFile } from './retention-delete';

describe('mediaFile', () => {
  it('resolves a segment path inside the media folder', () => {
    expect(mediaFile('/data/media', 'segments/c1/2025-11-20/070530.mp4')).toBe(
      '/data/media/segments/c1/2025-11-20/070530.mp4',
    );
  });
  it('refuses a path that climbs out of the media folder or is absolute', () => {
    expect(mediaFile('/data/media', '../secret.key')).toBeNull();
    expect(mediaFile('/data/media', 'segments/../../matthan.sqlite')).toBeNull();
    expect(mediaFile('/data/media', '/etc/passwd')).toBeNull();
    expect(mediaFile('/data/media', '')).toBeNull();
  });
});
