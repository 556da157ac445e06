import { describe, expect, it } from 'vitest';
import { verifyCustody } from '../custody-chain';
import { clipEntryName, manifestBytes, safeFileName } from './manifest';
import { buildManifest, custodyRow, manifestCustody, peopleIds } from './manifest-build';
import { parseManifest } from './manifest-parse';
import { chain, incident, itemRow, people, source } from './package.fixtures';

describe('package file names', () => {
  it('keeps ASCII names and strips Vietnamese marks instead of dropping letters', () => {
    expect(safeFileName('CAM-001.mp4')).toBe('CAM-001.mp4');
    expect(safeFileName('Đường Xuân Đỉnh 14h05.mp4')).toBe('Duong_Xuan_Dinh_14h05.mp4');
  });

  it('never lets a name leave its folder or hide as a dot file', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('.hidden.mp4')).toBe('hidden.mp4');
    expect(safeFileName('C:\\Users\\x\\clip.mp4')).toBe('clip.mp4');
  });

  it('shortens a long name but keeps its extension', () => {
    const name = safeFileName(`${'x'.repeat(200)}.mp4`);
    expect(name).toHaveLength(80);
    expect(name.endsWith('.mp4')).toBe(true);
  });

  it('numbers clips from 1 so two files of the same name stay apart', () => {
    expect(clipEntryName(0, 'a.mp4')).toBe('clips/1-a.mp4');
    expect(clipEntryName(1, 'a.mp4')).toBe('clips/2-a.mp4');
  });
});

describe('manifest', () => {
  const rows = [
    itemRow(),
    itemRow({
      id: 'item-2',
      kind: 'upload',
      file_name: 'video chủ nhà.mp4',
      clock_offset_ms: -1000,
      clock_offset_method: 'officer',
      clock_offset_by: 'user-1',
      requested_from_ms: null,
      requested_to_ms: null,
    }),
  ];
  const manifest = buildManifest({
    packageId: 'pkg-1',
    createdAt: '2025-03-02T09:30:00.000Z',
    createdBy: people.get('user-1')!,
    incident,
    unitName: 'phường Xuân Đỉnh',
    items: rows.map((row) => ({
      row,
      custody: chain(row.id, [['exported', '{"packageId":"pkg-1"}']]),
    })),
    people,
    documents: [{ file: 'bien-ban.pdf', sha256: 'b'.repeat(64), bytes: 10 }],
    fingerprint: 'f'.repeat(64),
  });

  it('describes the case, each item and the signing key', () => {
    expect(manifest.format).toBe('matthan-evidence-package/1');
    expect(manifest.case).toEqual({
      caseNumber: 'XD-2025-0007',
      type: 'theft',
      description: 'Mất trộm xe máy',
      place: {
        latitude: 21.0752,
        longitude: 105.7871,
        address: 'Ngõ 12 Xuân Đỉnh',
        unitName: 'phường Xuân Đỉnh',
      },
      window: { from: '2025-03-02T07:00:00.000Z', to: '2025-03-02T07:30:00.000Z' },
      status: 'investigating',
    });
    expect(manifest.signing).toEqual({
      algorithm: 'Ed25519',
      publicKeyFingerprint: 'f'.repeat(64),
    });
    const [first, second] = manifest.items;
    expect(first).toMatchObject({
      id: 'item-1',
      file: 'clips/1-CAM-001_14h05.mp4',
      originalName: 'CAM-001 14h05.mp4',
      kind: 'extract',
      sha256: 'a'.repeat(64),
      bytes: 1234,
      source,
      requested: { from: '2025-03-02T07:05:00.000Z', to: '2025-03-02T07:10:00.000Z' },
      delivered: { from: '2025-03-02T07:05:01.000Z', to: '2025-03-02T07:10:00.000Z' },
      clockOffset: { ms: 2400, method: 'stream', by: null, note: 'RTT 12 ms' },
      collectedBy: { id: 'user-1', username: 'police.xd', displayName: 'Trần Văn Đức' },
      media: { format: 'mov,mp4', durationS: 10, video: null, audio: null },
    });
    expect(second).toMatchObject({
      file: 'clips/2-video_chu_nha.mp4',
      kind: 'upload',
      requested: null,
      clockOffset: { ms: -1000, method: 'officer', by: { displayName: 'Trần Văn Đức' } },
    });
    expect(first?.custody.map((event) => event.action)).toEqual(['acquired', 'exported']);
  });

  it('carries custody events so their chain still verifies from the manifest alone', () => {
    const events = manifest.items[0]!.custody.map(custodyRow);
    expect(verifyCustody(events)).toMatchObject({ ok: true, events: 2 });
    const stored = chain('item-1', [['exported', '{"packageId":"pkg-1"}']])[1]!;
    expect(custodyRow(manifestCustody(stored))).toEqual(stored);
  });

  it('is written as two-space UTF-8 JSON that parses back to itself', () => {
    const bytes = manifestBytes(manifest);
    expect(bytes.toString('utf8')).toContain('\n  "format": "matthan-evidence-package/1",');
    expect(bytes.toString('utf8')).toContain('Phạm Thị Thuý Hằng');
    expect(parseManifest(bytes)).toEqual(manifest);
  });

  it('looks up each person once', () => {
    expect(peopleIds(rows)).toEqual(['user-1']);
  });

  it('names what is wrong with bytes that are not a manifest', () => {
    const problem = (bytes: Buffer) => {
      const parsed = parseManifest(bytes);
      return 'problem' in parsed ? parsed.problem : null;
    };
    expect(problem(Buffer.from('{'))).toMatch(/^is not valid UTF-8 JSON/);
    expect(problem(Buffer.from([0xff, 0xfe]))).toMatch(/^is not valid UTF-8 JSON/);
    expect(parseManifest(Buffer.from('{"format":"other/1"}'))).toMatchObject({
      problem: 'has format "other/1", not matthan-evidence-package/1',
    });
    const broken = JSON.parse(manifestBytes(manifest).toString()) as {
      items: { sha256: string }[];
    };
    broken.items[1]!.sha256 = 'nope';
    expect(parseManifest(Buffer.from(JSON.stringify(broken)))).toEqual({
      problem: 'item 2 (clips/2-video_chu_nha.mp4) has no SHA-256',
    });
  });
});
