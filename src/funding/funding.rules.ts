import { BanksObject, type Bank } from 'vietnam-qr-pay';
import { badRequest } from '../platform/http/errors';
import { foldText, normalizeText } from '../platform/text';

// What a campaign, a donation and an expense must be before they are stored. Pure: values in,
// cleaned values or an AppError naming the field out. Money is whole đồng, never a fraction.

export const donationChannels = ['cash', 'bank_transfer', 'vietqr', 'other'] as const;
export type DonationChannel = (typeof donationChannels)[number];
export const campaignStatuses = ['active', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/**
 * A positive whole number of đồng. The JSON schema would coerce `"1000"` and report `1.5` in
 * its own words, so routes run this on the raw body first and the message can say "whole đồng".
 */
export function checkAmount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw badRequest(`${field} must be a number of đồng (a JSON number, not text)`, field);
  }
  if (!Number.isInteger(value))
    throw badRequest(`${field} must be whole đồng, no fractions`, field);
  if (!Number.isSafeInteger(value)) throw badRequest(`${field} is too large`, field);
  if (value <= 0) throw badRequest(`${field} must be more than 0 đồng`, field);
  return value;
}

/** Runs `checkAmount` on the amount fields a raw body carries (absent ones are left to the schema). */
export function checkRawAmounts(body: unknown, fields: readonly string[]): void {
  if (typeof body !== 'object' || body === null) return;
  const record = body as Record<string, unknown>;
  for (const field of fields) {
    if (record[field] !== undefined) checkAmount(record[field], field);
  }
}

/** A real calendar day written YYYY-MM-DD (2024-02-30 is refused). */
export function checkDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badRequest(`${field} must be a date written YYYY-MM-DD`, field);
  }
  return value;
}

/** A day that has already begun in Vietnam (`today` is the Vietnam calendar date). */
export function checkNotFuture(value: string, field: string, today: string): string {
  checkDate(value, field);
  if (value > today)
    throw badRequest(`${field} cannot be in the future (today is ${today})`, field);
  return value;
}

export function checkPeriod(startsOn: string, endsOn: string): void {
  checkDate(startsOn, 'startsOn');
  checkDate(endsOn, 'endsOn');
  if (endsOn < startsOn) throw badRequest('endsOn cannot be before startsOn', 'endsOn');
}

/** The bank with this NAPAS BIN in VietQR's list (several keys share a BIN; any current one). */
export function bankByBin(bin: string): Bank | undefined {
  const banks = Object.values(BanksObject);
  return banks.find((b) => b.bin === bin && !b.deprecated) ?? banks.find((b) => b.bin === bin);
}

export function checkBankBin(value: string): Bank {
  if (!/^\d{6}$/.test(value)) throw badRequest('bankBin must be 6 digits', 'bankBin');
  const bank = bankByBin(value);
  if (!bank) throw badRequest(`bankBin ${value} is not a bank VietQR knows`, 'bankBin');
  return bank;
}

/** Account numbers are written with spaces on printed notices; the digits are what count. */
export function checkAccountNumber(value: string): string {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{6,19}$/.test(digits)) {
    throw badRequest('accountNumber must be 6 to 19 digits', 'accountNumber');
  }
  return digits;
}

/**
 * The account holder as banks print it: upper-case ASCII without accents
 * (`Quỹ Camera Thạch Trị` → `QUY CAMERA THACH TRI`), so it matches what the payer's app shows.
 */
export function normalizeAccountName(value: string): string {
  const name = foldText(value).toUpperCase();
  if (name.length < 2 || name.length > 70 || !/^[A-Z0-9 .,&()/'-]+$/.test(name)) {
    throw badRequest(
      'accountName must be 2–70 letters, digits and spaces as the bank prints it',
      'accountName',
    );
  }
  return name;
}

export function requiredText(value: string, field: string, max: number): string {
  const text = normalizeText(value);
  if (text === '') throw badRequest(`${field} cannot be empty`, field);
  if (text.length > max) throw badRequest(`${field} is longer than ${max} characters`, field);
  return text;
}

export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  if (text.length > max) throw badRequest(`${field} is longer than ${max} characters`, field);
  return text === '' ? null : text;
}

export const isChannel = (value: string): value is DonationChannel =>
  (donationChannels as readonly string[]).includes(value);

export function checkChannel(value: string): DonationChannel {
  if (!isChannel(value)) {
    throw badRequest(`channel must be one of ${donationChannels.join(', ')}`, 'channel');
  }
  return value;
}

/** A list of ids without repeats; empty strings are refused by name and position. */
export function checkIdList(values: readonly string[] | undefined, field: string): string[] {
  const ids: string[] = [];
  (values ?? []).forEach((value, index) => {
    const id = value.trim();
    if (id === '') throw badRequest(`${field}[${index}] is empty`, field);
    if (!ids.includes(id)) ids.push(id);
  });
  return ids;
}
