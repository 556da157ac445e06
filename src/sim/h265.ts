import type { AccessUnit } from './h264';
import { DEFAULT_MAX_PAYLOAD } from './rtp';

// H.265/HEVC for the simulator: an Annex-B elementary stream (what `ffmpeg -f hevc` writes, split
// with the same start codes as H.264) grouped into access units, packetised as RFC 7798 says
// (single NAL unit packets and fragmentation units), and announced in the SDP. Cameras switched
// from H.264 to H.265 by an installer send exactly this.

export const HevcNalType = {
  /** IRAP pictures (BLA, IDR, CRA and reserved IRAP types) are 16–23: a client can start there. */
  firstIrap: 16,
  lastIrap: 23,
  vps: 32,
  sps: 33,
  pps: 34,
  accessUnitDelimiter: 35,
  prefixSei: 39,
  suffixSei: 40,
  fragmentationUnit: 49,
} as const;

export interface HevcParameterSets {
  vps: Buffer;
  sps: Buffer;
  pps: Buffer;
}

/** The NAL unit type: six bits after the forbidden bit of the two-byte header (RFC 7798 1.1.4). */
export function hevcNalType(nal: Buffer): number {
  return ((nal[0] ?? 0) >> 1) & 0x3f;
}

function isVcl(type: number): boolean {
  return type < 32;
}

function isIrap(type: number): boolean {
  return type >= HevcNalType.firstIrap && type <= HevcNalType.lastIrap;
}

/** Non-VCL units that may only come before the first picture of an access unit (H.265 7.4.2.4.4). */
function opensAccessUnit(type: number): boolean {
  return (
    (type >= HevcNalType.vps && type <= HevcNalType.accessUnitDelimiter) ||
    type === HevcNalType.prefixSei ||
    (type >= 41 && type <= 44) ||
    (type >= 48 && type <= 55)
  );
}

/** first_slice_segment_in_pic_flag, the first bit after the NAL header, begins a new picture. */
function firstSliceOfPicture(nal: Buffer): boolean {
  return ((nal[2] ?? 0) & 0x80) !== 0;
}

/**
 * Groups NAL units into access units. SEI units are dropped (the encoder's banner is of no use
 * to a recorder), as the H.264 reader does; IRAP pictures are the keyframes.
 */
export function hevcAccessUnits(nals: Buffer[]): AccessUnit[] {
  const units: AccessUnit[] = [];
  let current: AccessUnit = { nals: [], keyframe: false };
  let hasPicture = false;
  const flush = () => {
    if (hasPicture) units.push(current);
    current = { nals: [], keyframe: false };
    hasPicture = false;
  };
  for (const nal of nals) {
    const type = hevcNalType(nal);
    if (isVcl(type)) {
      if (hasPicture && firstSliceOfPicture(nal)) flush();
      hasPicture = true;
      if (isIrap(type)) current.keyframe = true;
    } else if (hasPicture && opensAccessUnit(type)) {
      flush();
    }
    if (type !== HevcNalType.prefixSei && type !== HevcNalType.suffixSei) current.nals.push(nal);
  }
  flush();
  return units;
}

/** The first VPS, SPS and PPS of the stream, which the SDP announces. */
export function hevcParameterSets(nals: Buffer[]): HevcParameterSets {
  const find = (type: number) => nals.find((nal) => hevcNalType(nal) === type);
  const vps = find(HevcNalType.vps);
  const sps = find(HevcNalType.sps);
  const pps = find(HevcNalType.pps);
  if (!vps || !sps || !pps) throw new Error('the H.265 stream has no VPS, SPS or PPS');
  return { vps, sps, pps };
}

/** Puts VPS, SPS and PPS in front of every keyframe that lacks one of them. */
export function withHevcParameterSetsOnKeyframes(
  units: AccessUnit[],
  sets: HevcParameterSets,
): AccessUnit[] {
  const setTypes: number[] = [HevcNalType.vps, HevcNalType.sps, HevcNalType.pps];
  return units.map((unit) => {
    if (!unit.keyframe) return unit;
    const types = new Set(unit.nals.map(hevcNalType));
    if (setTypes.every((type) => types.has(type))) return unit;
    const rest = unit.nals.filter((nal) => !setTypes.includes(hevcNalType(nal)));
    return { keyframe: true, nals: [sets.vps, sets.sps, sets.pps, ...rest] };
  });
}

/**
 * RTP payloads of one access unit (RFC 7798 4.4): a NAL unit that fits is sent whole (its own
 * header is the payload header); a larger one is split into fragmentation units (type 49), each
 * with a payload header carrying the NAL's F, layer and temporal id, and an FU header with the
 * start and end bits and the NAL's own type. No DONL fields: the stream is sent in order.
 */
export function h265Payloads(nals: Buffer[], maxPayload = DEFAULT_MAX_PAYLOAD): Buffer[] {
  const payloads: Buffer[] = [];
  for (const nal of nals) {
    if (nal.length <= maxPayload) {
      payloads.push(nal);
      continue;
    }
    const first = ((nal[0] ?? 0) & 0x81) | (HevcNalType.fragmentationUnit << 1);
    const second = nal[1] ?? 0;
    const type = hevcNalType(nal);
    const body = nal.subarray(2);
    const step = maxPayload - 3;
    for (let at = 0; at < body.length; at += step) {
      const start = at === 0 ? 0x80 : 0;
      const end = at + step >= body.length ? 0x40 : 0;
      const header = Buffer.from([first, second, start | end | type]);
      payloads.push(Buffer.concat([header, body.subarray(at, at + step)]));
    }
  }
  return payloads;
}

/** The SDP lines of an H.265 video track (RFC 7798 7.1): the parameter sets, base64, out of band. */
export function h265SdpFormat(payloadType: number, sets: HevcParameterSets, fps: number): string[] {
  const b64 = (nal: Buffer) => nal.toString('base64');
  return [
    `a=rtpmap:${payloadType} H265/90000`,
    `a=fmtp:${payloadType} sprop-vps=${b64(sets.vps)};sprop-sps=${b64(sets.sps)};sprop-pps=${b64(sets.pps)}`,
    `a=framerate:${fps}`,
  ];
}
