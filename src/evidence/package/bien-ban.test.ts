import { describe, expect, it } from 'vitest';
import { bienBanLayout, renderBienBan, type Block } from './bien-ban';
import { bienBanData } from './bien-ban-data';
import {
  vnBytes,
  vnClockOffset,
  vnDateTime,
  vnHeading,
  vnIncidentType,
  vnPoliceOf,
  vnWindow,
  vnWindowMinutes,
} from './bien-ban-text';
import { buildManifest } from './manifest-build';
import { chain, incident, itemRow, people } from './package.fixtures';

describe('biên bản wording', () => {
  it('writes times in Vietnam time, day first', () => {
    expect(vnDateTime('2025-03-02T17:30:00Z')).toBe('03/03/2025 00:30');
    expect(vnWindow({ from: '2025-03-02T07:05:00Z', to: '2025-03-02T07:10:30Z' })).toBe(
      '14:05:00 – 14:10:30 ngày 02/03/2025',
    );
    expect(vnWindow({ from: '2025-03-02T16:59:00Z', to: '2025-03-02T17:01:00Z' })).toBe(
      '23:59:00 ngày 02/03/2025 – 00:01:00 ngày 03/03/2025',
    );
    expect(vnWindowMinutes({ from: '2025-03-02T07:00:00Z', to: '2025-03-02T07:30:00Z' })).toBe(
      'từ 14:00 đến 14:30 ngày 02/03/2025',
    );
  });

  it('writes numbers with a decimal comma and dot thousands', () => {
    expect(vnBytes(512)).toBe('512 byte');
    expect(vnBytes(12_345_678)).toBe('12.345.678 byte (11,8 MB)');
  });

  it('says how the clock offset was found', () => {
    expect(vnClockOffset({ ms: 2400, method: 'stream', byName: null, note: null })).toBe(
      '+2,4 giây, đo từ luồng RTSP',
    );
    expect(vnClockOffset({ ms: -1000, method: 'officer', byName: 'Lê Văn Ánh', note: null })).toBe(
      '-1,0 giây, do cán bộ Lê Văn Ánh nhập',
    );
    // The probe's technical note stays in the manifest; the record says it in Vietnamese.
    expect(vnClockOffset({ ms: -6, method: 'stream', byName: null, note: 'RTT 12 ms' })).toBe(
      '-6 mili giây, đo từ luồng RTSP',
    );
    expect(vnClockOffset({ ms: 0, method: 'stream', byName: null, note: null })).toBe(
      '±0 mili giây, đo từ luồng RTSP',
    );
    expect(
      vnClockOffset({ ms: 61_500, method: 'officer', byName: 'Lê Văn Ánh', note: 'so với VTV1' }),
    ).toBe('+61,5 giây, do cán bộ Lê Văn Ánh nhập (so với VTV1)');
    expect(vnClockOffset(null)).toBe('không đo được');
  });

  it('names headings, incident types and police units in Vietnamese', () => {
    expect(vnHeading(45)).toBe('45° (Đông Bắc)');
    expect(vnHeading(359)).toBe('359° (Bắc)');
    expect(vnHeading(null)).toBe('không rõ');
    expect(vnIncidentType('snatch_robbery')).toBe('Cướp giật tài sản');
    expect(vnPoliceOf({ kind: 'phường', name: 'Xuân Đỉnh' })).toBe('Công an phường Xuân Đỉnh');
  });
});

describe('biên bản layout', () => {
  const manifest = buildManifest({
    packageId: 'pkg-1',
    createdAt: '2025-03-02T09:30:00.000Z',
    createdBy: people.get('user-1')!,
    incident,
    unitName: 'phường Xuân Đỉnh',
    items: [itemRow(), itemRow({ id: 'item-2', kind: 'upload', sha256: 'c'.repeat(64) })].map(
      (row) => ({ row, custody: chain(row.id, []) }),
    ),
    people,
    documents: [],
    fingerprint: 'f'.repeat(64),
  });
  const data = bienBanData(manifest, 'Công an phường Xuân Đỉnh');
  const blocks = bienBanLayout(data);
  const texts = blocks.flatMap((block: Block) =>
    block.kind === 'text'
      ? [block.text]
      : block.kind === 'header'
        ? [...block.left, ...block.right]
        : [],
  );

  it('has the national heading, the title and the case number', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        'CÔNG AN PHƯỜNG XUÂN ĐỈNH',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BIÊN BẢN THU THẬP DỮ LIỆU ĐIỆN TỬ',
        '(Dữ liệu hình ảnh từ camera an ninh)',
        'Số vụ việc: XD-2025-0007',
        'Hồi 16:30 ngày 02/03/2025, tại trụ sở Công an phường Xuân Đỉnh.',
        'Họ tên: Trần Văn Đức',
        'Loại vụ việc: Trộm cắp tài sản',
        'Địa điểm: Ngõ 12 Xuân Đỉnh, phường Xuân Đỉnh',
        'Thời gian xảy ra: từ 14:00 đến 14:30 ngày 02/03/2025',
      ]),
    );
  });

  it('lists every item with its camera, owner, windows, offset, file and full hash', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '1. Camera CAM-001 – Cổng chợ',
        '2. Camera CAM-001 – Cổng chợ',
        'Chủ camera: Phạm Thị Thuý Hằng',
        'Địa chỉ: Số 5 ngõ 12 Xuân Đỉnh',
        'Hướng camera: 90° (Đông)',
        'Khoảng thời gian yêu cầu: 14:05:00 – 14:10:00 ngày 02/03/2025',
        'Khoảng thời gian thực nhận: 14:05:01 – 14:10:00 ngày 02/03/2025',
        'Độ lệch đồng hồ camera: +2,4 giây, đo từ luồng RTSP',
        'Tên tệp: clips/1-CAM-001_14h05.mp4 (tệp gốc: CAM-001 14h05.mp4)',
        'Dung lượng: 1.234 byte (1,2 KB)',
        'a'.repeat(64),
        'c'.repeat(64),
        'Người thu thập: Trần Văn Đức, lúc 02/03/2025 15:00',
        'Nguồn dữ liệu: do chủ camera cung cấp',
      ]),
    );
    const hash = blocks.find((block) => block.kind === 'text' && block.text === 'a'.repeat(64));
    expect(hash).toMatchObject({ font: 'mono' });
  });

  it('ends with the integrity note, the key fingerprint and three signature lines', () => {
    expect(texts).toContain('f'.repeat(64));
    expect(texts.some((line) => line.includes('Ed25519'))).toBe(true);
    expect(blocks.at(-1)).toMatchObject({
      kind: 'signatures',
      columns: [
        { title: 'NGƯỜI LẬP BIÊN BẢN', name: 'Trần Văn Đức' },
        { title: 'CHỦ SỞ HỮU DỮ LIỆU' },
        { title: 'NGƯỜI CHỨNG KIẾN' },
      ],
    });
  });

  it('renders to an A4 PDF', async () => {
    const pdf = await renderBienBan(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });
});
