import { describe, expect, it } from 'vitest';
import { latCell, streamUrlProblem, validateCameraInput } from './camera.rules';

const valid = {
  code: 'XD-001',
  name: 'Ngã ba Xuân Đỉnh',
  ownerKind: 'ward',
  jurisdictionCode: '00611',
  latitude: 21.0737,
  longitude: 105.7905,
  heading: 90,
  fov: 80,
  rangeM: 40,
};

const problemsOf = (patch: Record<string, unknown>) =>
  validateCameraInput({ ...valid, ...patch }).problems;
const fieldsOf = (patch: Record<string, unknown>) => problemsOf(patch).map((p) => p.field);

describe('validateCameraInput', () => {
  it('accepts a complete camera', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('rejects latitude 91, naming the field and the range', () => {
    expect(problemsOf({ latitude: 91 })).toEqual([
      { field: 'latitude', reason: 'must be between -90 and 90' },
    ]);
  });

  it('rejects a camera whose heading is outside 0–359', () => {
    expect(fieldsOf({ heading: 400 })).toEqual(['heading']);
    expect(fieldsOf({ heading: -1 })).toEqual(['heading']);
    expect(fieldsOf({ heading: 359 })).toEqual([]);
  });

  it('rejects a field of view of 0 or 361 degrees', () => {
    expect(fieldsOf({ fov: 0 })).toEqual(['fov']);
    expect(fieldsOf({ fov: 361 })).toEqual(['fov']);
    expect(fieldsOf({ fov: 360 })).toEqual([]);
  });

  it('rejects an empty or blank name', () => {
    expect(problemsOf({ name: '' })).toEqual([{ field: 'name', reason: 'must not be empty' }]);
    expect(fieldsOf({ name: '   ' })).toEqual(['name']);
  });

  it('reports every problem of a camera at once', () => {
    expect(fieldsOf({ latitude: 91, heading: 400, fov: 0, name: '' })).toEqual([
      'name',
      'latitude',
      'heading',
      'fov',
    ]);
  });

  it('names missing required fields and a missing jurisdiction', () => {
    const { problems } = validateCameraInput({ code: 'A1' });
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'name',
        'ownerKind',
        'latitude',
        'longitude',
        'heading',
        'fov',
        'rangeM',
        'jurisdictionCode',
      ]),
    );
  });

  it('lists the allowed values of a closed field', () => {
    expect(problemsOf({ ownerKind: 'alien' })).toEqual([
      {
        field: 'ownerKind',
        reason: 'must be one of: ward, residential_group, household, business, school, agency',
      },
    ]);
  });

  it('rejects fields that are not camera fields', () => {
    expect(fieldsOf({ password: 'x' })).toEqual(['password']);
  });

  it('NFC-normalises and trims text on the way in', () => {
    const decomposed = 'Ngã ba Xuân Đỉnh'.normalize('NFD');
    const { value } = validateCameraInput({ ...valid, name: `  ${decomposed} `, address: '' });
    expect(value.name).toBe('Ngã ba Xuân Đỉnh'.normalize('NFC'));
    expect(value.address).toBeNull();
  });

  it('turns a consent expiry into a UTC instant', () => {
    const { value } = validateCameraInput({
      ...valid,
      consentExpiresAt: '2026-01-31T07:00:00+07:00',
    });
    expect(value.consentExpiresAt).toBe('2026-01-31T00:00:00.000Z');
  });

  it('refuses to set the decommissioned status directly', () => {
    expect(fieldsOf({ status: 'decommissioned' })).toEqual(['status']);
  });

  it('checks only the fields present in a partial input', () => {
    expect(validateCameraInput({ heading: 10 }, { partial: true }).problems).toEqual([]);
    expect(
      validateCameraInput({ heading: 400 }, { partial: true }).problems.map((p) => p.field),
    ).toEqual(['heading']);
  });

  it('rejects a stream URL that ffmpeg would read from the server disk', () => {
    expect(fieldsOf({ mainStreamUrl: 'file:///etc/passwd' })).toEqual(['mainStreamUrl']);
    expect(fieldsOf({ subStreamUrl: 'concat:/etc/passwd|/etc/shadow' })).toEqual(['subStreamUrl']);
  });
});

describe('streamUrlProblem', () => {
  it.each([
    'rtsp://admin:pa55@192.168.1.10:554/Streaming/Channels/101',
    'rtsps://cam.example.vn/live',
    'http://10.0.0.5/mjpeg',
    'https://cam.example.vn/hls/index.m3u8',
  ])('accepts %s', (url) => {
    expect(streamUrlProblem(url)).toBeNull();
  });

  it.each([
    ['file:///etc/passwd', 'not file'],
    ['concat:rtsp://a/b|file:///etc/passwd', 'not concat'],
    ['subfile,,start,0,end,100,,:/etc/passwd', 'not a valid URL'],
    ['ftp://cam.example.vn/x', 'not ftp'],
    ['data:text/plain,hello', 'not data'],
    ['rtsp:///no-host', 'host'],
    ['rtsp://cam/a\nfile:///etc/passwd', 'control characters'],
    ['/var/lib/clip.mp4', 'not a valid URL'],
  ])('rejects %s', (url, why) => {
    expect(streamUrlProblem(url)).toContain(why);
  });
});

describe('latCell', () => {
  it('groups latitudes into 0.01 degree bands', () => {
    expect(latCell(21.0737)).toBe(2107);
    expect(latCell(21.07)).toBe(2107);
    expect(latCell(-0.001)).toBe(-1);
  });
});
