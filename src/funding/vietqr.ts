import QRCode from 'qrcode';
import { QRPay } from 'vietnam-qr-pay';
import { badRequest } from '../platform/http/errors';
import { foldText } from '../platform/text';

// The VietQR a donor scans with any Vietnamese banking app: the campaign's account, an
// optional amount, and a transfer note naming the campaign so the treasurer can match it.

export interface VietQrAccount {
  name: string;
  bankBin: string;
  accountNumber: string;
}

/** EMVCo's amount field holds at most 13 characters. */
const maxQrAmount = 9_999_999_999_999;
const shortNameLength = 25;

/**
 * The campaign's name as a bank transfer note accepts it: plain ASCII letters and digits, cut
 * at a word boundary to 25 characters (banking apps truncate or refuse longer, accented notes).
 */
export function campaignShortName(name: string): string {
  const words = foldText(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  let short = '';
  for (const word of words) {
    const next = short === '' ? word : `${short} ${word}`;
    if (next.length > shortNameLength) break;
    short = next;
  }
  return short === '' ? (words[0] ?? 'camera').slice(0, shortNameLength) : short;
}

export const transferPurpose = (campaignName: string): string =>
  `Ung ho ${campaignShortName(campaignName)}`;

/** `?amount=` as sent in a URL: digits only, more than 0, at most 13 digits. */
export function parseQrAmount(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value)) throw badRequest('amount must be whole đồng, digits only', 'amount');
  const amount = Number(value);
  if (amount <= 0) throw badRequest('amount must be more than 0 đồng', 'amount');
  if (amount > maxQrAmount) throw badRequest('amount is too large for a VietQR code', 'amount');
  return amount;
}

export function vietQrPayload(account: VietQrAccount, amountVnd: number | null): string {
  return QRPay.initVietQR({
    bankBin: account.bankBin,
    bankNumber: account.accountNumber,
    ...(amountVnd === null ? {} : { amount: String(amountVnd) }),
    purpose: transferPurpose(account.name),
  }).build();
}

/** What a banking app reads back from a payload; used by tests and to refuse a broken code. */
export function readVietQr(payload: string): {
  valid: boolean;
  bankBin: string | undefined;
  accountNumber: string | undefined;
  amountVnd: number | null;
  purpose: string | undefined;
} {
  const parsed = new QRPay(payload);
  return {
    valid: parsed.isValid,
    bankBin: parsed.consumer.bankBin,
    accountNumber: parsed.consumer.bankNumber,
    amountVnd: parsed.amount === undefined ? null : Number(parsed.amount),
    purpose: parsed.additionalData.purpose,
  };
}

export function vietQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 320,
  });
}
