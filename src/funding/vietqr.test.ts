import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import {
  campaignShortName,
  parseQrAmount,
  readVietQr,
  transferPurpose,
  vietQrPayload,
  vietQrPng,
} from './vietqr';

const account = {
  name: 'Quỹ camera an ninh xã Thạch Trị',
  bankBin: '970405',
  accountNumber: '3704205123456',
};

describe('VietQR payload', () => {
  it('decodes back to the account, the bank and the amount', () => {
    const decoded = readVietQr(vietQrPayload(account, 200_000));
    expect(decoded).toEqual({
      valid: true,
      bankBin: '970405',
      accountNumber: '3704205123456',
      amountVnd: 200_000,
      purpose: 'Ung ho quy camera an ninh xa',
    });
  });

  it('leaves the amount for the donor to type when none is given', () => {
    const decoded = readVietQr(vietQrPayload(account, null));
    expect(decoded.valid).toBe(true);
    expect(decoded.amountVnd).toBeNull();
  });

  it('renders a PNG', async () => {
    const png = await vietQrPng(vietQrPayload(account, 50_000));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.readUInt32BE(16)).toBe(320);
  });
});

describe('transfer purpose', () => {
  it('is plain ASCII, cut at a word boundary to 25 characters', () => {
    expect(campaignShortName('Phủ kín camera ngõ xóm Xuân Đỉnh 2025')).toBe(
      'phu kin camera ngo xom',
    );
    expect(transferPurpose('Camera Thạch Trị')).toBe('Ung ho camera thach tri');
    expect(campaignShortName('Đường-Ngõ/12!!')).toBe('duong ngo 12');
  });

  it('keeps a single over-long word, cut', () => {
    expect(campaignShortName('a'.repeat(40))).toHaveLength(25);
  });
});

describe('parseQrAmount', () => {
  const field = (value: string) => {
    try {
      parseQrAmount(value);
    } catch (error) {
      return error instanceof AppError ? `${error.status} ${error.field}` : 'other';
    }
    return 'ok';
  };

  it('takes whole đồng and refuses the rest, naming amount', () => {
    expect(parseQrAmount(undefined)).toBeNull();
    expect(parseQrAmount('150000')).toBe(150_000);
    for (const bad of ['0', '1.5', '-3', '1e3', 'abc', '99999999999999']) {
      expect(field(bad), bad).toBe('400 amount');
    }
  });
});
