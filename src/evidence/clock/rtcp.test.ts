import { describe, expect, it } from 'vitest';
import { senderReport } from '../../sim/rtp';
import { findSenderReport, ntpToUnixMs } from './rtcp';

describe('RTCP sender report time', () => {
  it('reads the sender clock of a report as Unix ms', () => {
    const wallMs = 1_767_225_600_250; // 2026-01-01T00:00:00.250Z
    const report = senderReport({ ssrc: 7, wallMs, rtpTimestamp: 90_000, packets: 1, octets: 9 });
    const found = findSenderReport(report);
    expect(found?.ssrc).toBe(7);
    expect(found?.rtpTimestamp).toBe(90_000);
    expect(found?.unixMs).toBeCloseTo(wallMs, 3);
  });

  it('finds the sender report after a receiver report in a compound packet', () => {
    const receiver = Buffer.from([0x80, 201, 0, 1, 0, 0, 0, 9]);
    const sender = senderReport({
      ssrc: 5,
      wallMs: 1_000_000,
      rtpTimestamp: 0,
      packets: 0,
      octets: 0,
    });
    expect(findSenderReport(Buffer.concat([receiver, sender]))?.ssrc).toBe(5);
  });

  it('finds none in RTP, in other RTCP, or in a report cut short', () => {
    const sender = senderReport({
      ssrc: 5,
      wallMs: 1_000_000,
      rtpTimestamp: 0,
      packets: 0,
      octets: 0,
    });
    expect(findSenderReport(sender.subarray(0, 20))).toBeNull();
    expect(findSenderReport(Buffer.from([0x80, 202, 0, 0]))).toBeNull();
    expect(
      findSenderReport(Buffer.from([0x40, 200, 0, 6, ...new Array<number>(24).fill(0)])),
    ).toBeNull();
    expect(findSenderReport(Buffer.alloc(0))).toBeNull();
  });

  it('reads NTP seconds past the 2036 wrap as the next era', () => {
    expect(ntpToUnixMs(2_208_988_800, 0)).toBe(0);
    expect(ntpToUnixMs(2 ** 32 - 1, 2 ** 31)).toBe((2 ** 32 - 1 - 2_208_988_800) * 1000 + 500);
    expect(ntpToUnixMs(10, 0)).toBe((2 ** 32 + 10 - 2_208_988_800) * 1000);
  });
});
