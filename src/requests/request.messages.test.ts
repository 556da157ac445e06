import { describe, expect, it } from 'vitest';
import { fileSize, localTime, newRequestMessage, uploadedMessage } from './request.messages';

const facts = {
  cameraCode: 'CAM-001',
  caseNumber: 'XD-2025-0007',
  fromMs: Date.parse('2025-03-01T03:00:00Z'),
  toMs: Date.parse('2025-03-01T04:30:00Z'),
  deadline: '2025-03-03T10:00:00.000Z',
};

describe('request messages', () => {
  it('shows times in Hà Nội time', () => {
    expect(localTime(facts.fromMs)).toBe('10:00 01/03/2025');
    expect(localTime(Date.parse('2025-12-31T17:30:00Z'))).toBe('00:30 01/01/2026');
  });

  it('asks the owner in Vietnamese, with the window, case and deadline', () => {
    const message = newRequestMessage(facts, false);
    expect(message.title).toBe('Yêu cầu trích xuất hình ảnh camera CAM-001');
    expect(message.body).toBe(
      'Công an đề nghị cung cấp hình ảnh từ 10:00 01/03/2025 đến 11:30 01/03/2025 ' +
        'cho vụ việc XD-2025-0007. Xin trả lời trước 17:00 03/03/2025.',
    );
  });

  it('tells the owner when their sharing answered the request without them', () => {
    expect(newRequestMessage(facts, true).body).toMatch(/^Theo mức chia sẻ bạn đã chọn/);
  });

  it('tells the officer the received file’s size and the start of its hash', () => {
    const body = uploadedMessage(facts, {
      fileName: 'cong.mp4',
      bytes: 2_621_440,
      sha256: 'ab'.repeat(32),
    }).body;
    expect(body).toBe(
      'Tệp cong.mp4 (2.5 MB) đã được nhận cho vụ việc XD-2025-0007; mã SHA-256 abababababababab…',
    );
    expect(fileSize(512)).toBe('512 B');
  });
});
