import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import {
  bankByBin,
  checkAccountNumber,
  checkAmount,
  checkBankBin,
  checkChannel,
  checkDate,
  checkIdList,
  checkNotFuture,
  checkPeriod,
  checkRawAmounts,
  normalizeAccountName,
} from './funding.rules';

/** `status field: message` of the AppError `run` throws, or `ok`. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.field}: ${error.message}`;
    throw error;
  }
  return 'ok';
}

describe('amounts', () => {
  it('takes a positive whole number of đồng', () => {
    expect(checkAmount(150_000_000, 'amountVnd')).toBe(150_000_000);
  });

  it('refuses 0, fractions, text, and numbers past exact integers, naming the field', () => {
    expect(refusal(() => checkAmount(0, 'amountVnd'))).toMatch(/^400 amountVnd: .*more than 0/);
    expect(refusal(() => checkAmount(1.5, 'amountVnd'))).toMatch(/^400 amountVnd: .*whole đồng/);
    expect(refusal(() => checkAmount(-2, 'goalVnd'))).toMatch(/^400 goalVnd/);
    expect(refusal(() => checkAmount('1000', 'amountVnd'))).toMatch(/^400 amountVnd: .*number/);
    expect(refusal(() => checkAmount('1e3', 'amountVnd'))).toMatch(/^400 amountVnd/);
    expect(refusal(() => checkAmount(2 ** 60, 'amountVnd'))).toMatch(/^400 amountVnd: .*large/);
    expect(refusal(() => checkAmount(Number.NaN, 'amountVnd'))).toMatch(/^400 amountVnd/);
  });

  it('checks only the amount fields a raw body carries', () => {
    expect(refusal(() => checkRawAmounts({ item: 'x' }, ['amountVnd']))).toBe('ok');
    expect(refusal(() => checkRawAmounts({ amountVnd: '5' }, ['amountVnd']))).toMatch(/^400/);
    expect(refusal(() => checkRawAmounts(null, ['amountVnd']))).toBe('ok');
  });
});

describe('dates', () => {
  it('takes real calendar days only', () => {
    expect(checkDate('2024-02-29', 'startsOn')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-5', '05/01/2024', ''])
      expect(
        refusal(() => checkDate(bad, 'startsOn')),
        bad,
      ).toMatch(/^400 startsOn/);
  });

  it('refuses a day after today', () => {
    expect(checkNotFuture('2024-06-01', 'donatedOn', '2024-06-01')).toBe('2024-06-01');
    expect(refusal(() => checkNotFuture('2024-06-02', 'donatedOn', '2024-06-01'))).toMatch(
      /^400 donatedOn: .*future/,
    );
  });

  it('names endsOn when the campaign ends before it starts', () => {
    expect(refusal(() => checkPeriod('2024-07-01', '2024-06-30'))).toMatch(/^400 endsOn/);
    expect(refusal(() => checkPeriod('2024-07-01', '2024-07-01'))).toBe('ok');
  });
});

describe('bank account', () => {
  it('knows the banks of the VietQR list by BIN', () => {
    expect(checkBankBin('970405').shortName).toBe('Agribank');
    expect(bankByBin('970436')?.shortName).toBe('Vietcombank');
    expect(refusal(() => checkBankBin('12345'))).toMatch(/^400 bankBin: .*6 digits/);
    expect(refusal(() => checkBankBin('999999'))).toMatch(/^400 bankBin: .*not a bank/);
  });

  it('keeps the digits of an account number written with spaces', () => {
    expect(checkAccountNumber('3704 205 123 456')).toBe('3704205123456');
    for (const bad of ['12345', '1'.repeat(20), '12345A78'])
      expect(
        refusal(() => checkAccountNumber(bad)),
        bad,
      ).toMatch(/^400 accountNumber/);
  });

  it('writes the holder as banks print it: upper-case ASCII', () => {
    expect(normalizeAccountName('Quỹ camera an ninh xã Thạch Trị')).toBe(
      'QUY CAMERA AN NINH XA THACH TRI',
    );
    expect(normalizeAccountName('  Đặng   Văn  Đức ')).toBe('DANG VAN DUC');
    expect(refusal(() => normalizeAccountName('李小龍'))).toMatch(/^400 accountName/);
    expect(refusal(() => normalizeAccountName('x'))).toMatch(/^400 accountName/);
  });
});

describe('entries', () => {
  it('takes the known channels only', () => {
    expect(checkChannel('vietqr')).toBe('vietqr');
    expect(refusal(() => checkChannel('momo'))).toMatch(/^400 channel/);
  });

  it('drops repeated ids and refuses empty ones by position', () => {
    expect(checkIdList(['a', 'b', 'a'], 'cameraIds')).toEqual(['a', 'b']);
    expect(checkIdList(undefined, 'cameraIds')).toEqual([]);
    expect(refusal(() => checkIdList(['a', ' '], 'cameraIds'))).toMatch(
      /^400 cameraIds: cameraIds\[1\]/,
    );
  });
});
