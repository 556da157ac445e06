import { childBoxes, parseTracks } from '../recording/fmp4';

// A browser's Media Source Extensions must be told the exact codecs before the first byte is
// appended (`video/mp4; codecs="avc1.64001f,mp4a.40.2"`, RFC 6381). They are read from the
// init segment's sample entries, so a camera switched from H.264 to H.265 or to another
// profile is described as it is now, not as it was registered.

/** What a live viewer is told before the init segment. */
export interface LiveStreamInfo {
  /** The MIME type with codecs, for `MediaSource.isTypeSupported` and `addSourceBuffer`. */
  mime: string;
  codecs: string[];
  width: number | null;
  height: number | null;
}

type Box = ReturnType<typeof childBoxes>[number];

const hex2 = (value: number) => value.toString(16).padStart(2, '0');

/** VisualSampleEntry fields before its child boxes (ISO/IEC 14496-12 §12.1.3). */
const visualEntryBytes = 78;
/** AudioSampleEntry (version 0) fields before its child boxes (§12.2.3). */
const audioEntryBytes = 28;

function child(buffer: Buffer, parent: Box, offset: number, type: string): Box | undefined {
  return childBoxes(buffer, parent.body + offset, parent.end).find((box) => box.type === type);
}

/** `avc1.PPCCLL`: profile, constraint flags and level from the `avcC` record. */
export function avcCodec(entry: string, avcC: Buffer): string {
  if (avcC.length < 4) return entry;
  return `${entry}.${hex2(avcC[1]!)}${hex2(avcC[2]!)}${hex2(avcC[3]!)}`;
}

/**
 * `hvc1.1.6.L93.B0` (ISO/IEC 14496-15 Annex E): profile space and profile, the compatibility
 * flags bit-reversed in hex, tier and level, then the constraint bytes without trailing zeros.
 */
export function hevcCodec(entry: string, hvcC: Buffer): string {
  if (hvcC.length < 13) return entry;
  const first = hvcC[1]!;
  const space = ['', 'A', 'B', 'C'][first >> 6] ?? '';
  const tier = first & 0x20 ? 'H' : 'L';
  const profile = first & 0x1f;
  const flags = hvcC.readUInt32BE(2);
  let reversed = 0;
  for (let bit = 0; bit < 32; bit++) if (flags & (1 << bit)) reversed |= 1 << (31 - bit);
  const constraints = [...hvcC.subarray(6, 12)];
  while (constraints.length > 0 && constraints.at(-1) === 0) constraints.pop();
  const level = hvcC[12]!;
  return [
    entry,
    `${space}${profile}`,
    (reversed >>> 0).toString(16).toUpperCase(),
    `${tier}${level}`,
    ...constraints.map((byte) => byte.toString(16).toUpperCase()),
  ].join('.');
}

/** Reads an MPEG-4 descriptor's tag and length (1–4 bytes of 7 bits each). */
function descriptor(buffer: Buffer, offset: number): { tag: number; body: number; end: number } {
  const tag = buffer[offset] ?? 0;
  let length = 0;
  let at = offset + 1;
  for (let i = 0; i < 4 && at < buffer.length; i++) {
    const byte = buffer[at++]!;
    length = (length << 7) | (byte & 0x7f);
    if (!(byte & 0x80)) break;
  }
  return { tag, body: at, end: Math.min(at + length, buffer.length) };
}

/** `mp4a.40.2`: object type from the decoder config, audio object type from its specific info. */
export function mp4aCodec(esds: Buffer): string {
  // esds: version and flags, then ES_Descriptor (tag 3).
  const es = descriptor(esds, 4);
  if (es.tag !== 3) return 'mp4a.40.2';
  const flags = esds[es.body + 2] ?? 0;
  let at = es.body + 3;
  if (flags & 0x80) at += 2; // dependsOn_ES_ID
  if (flags & 0x40) at += 1 + (esds[at] ?? 0); // URL
  if (flags & 0x20) at += 2; // OCR_ES_Id
  const config = descriptor(esds, at);
  if (config.tag !== 4) return 'mp4a.40.2';
  const objectType = esds[config.body] ?? 0x40;
  if (objectType !== 0x40) return `mp4a.${hex2(objectType)}`;
  const specific = descriptor(esds, config.body + 13);
  if (specific.tag !== 5 || specific.body >= specific.end) return 'mp4a.40.2';
  let audioObjectType = (esds[specific.body]! >> 3) & 0x1f;
  if (audioObjectType === 31 && specific.body + 1 < specific.end) {
    audioObjectType = 32 + (((esds[specific.body]! & 0x07) << 3) | (esds[specific.body + 1]! >> 5));
  }
  return `mp4a.40.${audioObjectType}`;
}

/** The codec string of one sample entry box, or its bare four-character code. */
function sampleEntryCodec(moov: Buffer, entry: Box, kind: 'video' | 'audio'): string {
  if (kind === 'video') {
    const avcC = child(moov, entry, visualEntryBytes, 'avcC');
    if (avcC) return avcCodec(entry.type, moov.subarray(avcC.body, avcC.end));
    const hvcC = child(moov, entry, visualEntryBytes, 'hvcC');
    if (hvcC) return hevcCodec(entry.type, moov.subarray(hvcC.body, hvcC.end));
    return entry.type;
  }
  if (entry.type !== 'mp4a') return entry.type;
  const esds = child(moov, entry, audioEntryBytes, 'esds');
  return esds ? mp4aCodec(moov.subarray(esds.body, esds.end)) : 'mp4a.40.2';
}

function findPath(buffer: Buffer, from: Box, path: string[]): Box | undefined {
  let current: Box | undefined = from;
  for (const type of path) {
    current = childBoxes(buffer, current.body, current.end).find((box) => box.type === type);
    if (!current) return undefined;
  }
  return current;
}

/** Describes an init segment (ftyp+moov) for MSE; null when it holds no video track. */
export function liveStreamInfo(init: Buffer): LiveStreamInfo | null {
  const moovBox = childBoxes(init).find((box) => box.type === 'moov');
  if (!moovBox) return null;
  const moov = init.subarray(moovBox.start, moovBox.end);
  const root = childBoxes(moov)[0]!;
  const tracks = parseTracks(moov);
  const traks = childBoxes(moov, root.body, root.end).filter((box) => box.type === 'trak');
  const codecs: { kind: 'video' | 'audio'; codec: string }[] = [];
  traks.forEach((trak, index) => {
    const kind = tracks[index]?.kind;
    if (kind !== 'video' && kind !== 'audio') return;
    const stsd = findPath(moov, trak, ['mdia', 'minf', 'stbl', 'stsd']);
    const entry = stsd ? childBoxes(moov, stsd.body + 8, stsd.end)[0] : undefined;
    if (entry) codecs.push({ kind, codec: sampleEntryCodec(moov, entry, kind) });
  });
  const video = tracks.find((track) => track.kind === 'video');
  if (!video) return null;
  // Video first: players read the first codec as the one that decides whether they can play.
  const ordered = [
    ...codecs.filter((c) => c.kind === 'video'),
    ...codecs.filter((c) => c.kind === 'audio'),
  ].map((c) => c.codec);
  return {
    mime: `video/mp4; codecs="${ordered.join(',')}"`,
    codecs: ordered,
    width: video.width,
    height: video.height,
  };
}
