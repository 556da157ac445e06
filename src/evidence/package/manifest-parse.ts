import { manifestFormat, type Manifest } from './manifest';

// A manifest read back from a package is untrusted input: its shape is checked before any of
// it is believed, and what is wrong is said in words.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hex64 = /^[0-9a-f]{64}$/;

function fileProblem(value: unknown, where: string): string | null {
  if (!isObject(value)) return `${where} is not an object`;
  if (typeof value.file !== 'string' || value.file === '') return `${where} has no file name`;
  if (typeof value.sha256 !== 'string' || !hex64.test(value.sha256)) {
    return `${where} (${value.file}) has no SHA-256`;
  }
  if (typeof value.bytes !== 'number' || !Number.isInteger(value.bytes) || value.bytes < 0) {
    return `${where} (${value.file}) has no size`;
  }
  return null;
}

/** The manifest, or why these bytes are not one. */
export function parseManifest(bytes: Buffer): Manifest | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { problem: `is not valid UTF-8 JSON (${(error as Error).message})` };
  }
  if (!isObject(value)) return { problem: 'is not a JSON object' };
  if (value.format !== manifestFormat) {
    return { problem: `has format ${JSON.stringify(value.format)}, not ${manifestFormat}` };
  }
  if (typeof value.packageId !== 'string') return { problem: 'has no package id' };
  if (!isObject(value.case) || typeof value.case.caseNumber !== 'string') {
    return { problem: 'has no case number' };
  }
  if (!isObject(value.signing) || typeof value.signing.publicKeyFingerprint !== 'string') {
    return { problem: 'names no signing key' };
  }
  if (!Array.isArray(value.items)) return { problem: 'has no item list' };
  if (!Array.isArray(value.documents)) return { problem: 'has no document list' };
  for (const [index, item] of value.items.entries()) {
    const problem = fileProblem(item, `item ${index + 1}`);
    if (problem) return { problem };
    const custody = (item as Record<string, unknown>).custody;
    if (!Array.isArray(custody) || !custody.every(isObject)) {
      return { problem: `item ${index + 1} has no custody chain` };
    }
  }
  for (const [index, document] of value.documents.entries()) {
    const problem = fileProblem(document, `document ${index + 1}`);
    if (problem) return { problem };
  }
  // The fields checked above are the ones verification reads; the rest is carried as written.
  return value as unknown as Manifest;
}
