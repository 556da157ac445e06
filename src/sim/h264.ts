// Reading an Annex-B H.264 elementary stream (what `ffmpeg -f h264` writes) into access units,
// so the simulator can send one frame at a time.

export const NalType = {
  slice: 1,
  idr: 5,
  sei: 6,
  sps: 7,
  pps: 8,
  accessUnitDelimiter: 9,
} as const;

/** One coded picture: its NAL units without start codes, and whether it starts a GOP. */
export interface AccessUnit {
  nals: Buffer[];
  keyframe: boolean;
}

export function nalType(nal: Buffer): number {
  return (nal[0] ?? 0) & 0x1f;
}

/** Splits an Annex-B stream at its 3- or 4-byte start codes; the NALs share the input's memory. */
export function splitAnnexB(stream: Buffer): Buffer[] {
  const starts: { at: number; payload: number }[] = [];
  for (let i = 0; i + 2 < stream.length; i++) {
    if (stream[i] !== 0 || stream[i + 1] !== 0) continue;
    if (stream[i + 2] === 1) {
      starts.push({ at: i > 0 && stream[i - 1] === 0 ? i - 1 : i, payload: i + 3 });
      i += 2;
    }
  }
  return starts
    .map((start, k) => stream.subarray(start.payload, starts[k + 1]?.at ?? stream.length))
    .filter((nal) => nal.length > 0);
}

/** A slice whose first_mb_in_slice is 0 (ue(v) coded as a single 1 bit) begins a new picture. */
function firstSliceOfPicture(nal: Buffer): boolean {
  return ((nal[1] ?? 0) & 0x80) !== 0;
}

function isVcl(type: number): boolean {
  return type >= 1 && type <= 5;
}

/**
 * Groups NAL units into access units (H.264 7.4.1.2.3): parameter sets, SEI and delimiters
 * open a new unit once the current one has a picture, and so does the first slice of a picture.
 * SEI units are dropped (the encoder's banner is of no use to a recorder). SPS and PPS stay in
 * front of each IDR, as cameras send them, so a client can join at any keyframe.
 */
export function accessUnits(nals: Buffer[]): AccessUnit[] {
  const units: AccessUnit[] = [];
  let current: AccessUnit = { nals: [], keyframe: false };
  let hasPicture = false;
  const flush = () => {
    if (hasPicture) units.push(current);
    current = { nals: [], keyframe: false };
    hasPicture = false;
  };
  for (const nal of nals) {
    const type = nalType(nal);
    if (isVcl(type)) {
      if (hasPicture && firstSliceOfPicture(nal)) flush();
      hasPicture = true;
      if (type === NalType.idr) current.keyframe = true;
    } else if (hasPicture && type >= NalType.sei && type <= NalType.accessUnitDelimiter) {
      flush();
    }
    if (type !== NalType.sei) current.nals.push(nal);
  }
  flush();
  return units;
}

/** The first SPS and PPS of the stream, which the SDP announces in `sprop-parameter-sets`. */
export function parameterSets(nals: Buffer[]): { sps: Buffer; pps: Buffer } {
  const sps = nals.find((nal) => nalType(nal) === NalType.sps);
  const pps = nals.find((nal) => nalType(nal) === NalType.pps);
  if (!sps || !pps) throw new Error('the H.264 stream has no SPS or PPS');
  return { sps, pps };
}

/** `profile-level-id` for the SDP: profile_idc, constraint flags and level_idc from the SPS. */
export function profileLevelId(sps: Buffer): string {
  return sps.subarray(1, 4).toString('hex');
}

/**
 * Puts SPS and PPS in front of every keyframe that lacks them, so that a client that joins at
 * any keyframe (or a clip that loops back to its first frame) can decode it alone.
 */
export function withParameterSetsOnKeyframes(
  units: AccessUnit[],
  sets: { sps: Buffer; pps: Buffer },
): AccessUnit[] {
  return units.map((unit) => {
    if (!unit.keyframe) return unit;
    const types = new Set(unit.nals.map(nalType));
    if (types.has(NalType.sps) && types.has(NalType.pps)) return unit;
    const rest = unit.nals.filter((nal) => {
      const type = nalType(nal);
      return type !== NalType.sps && type !== NalType.pps;
    });
    return { keyframe: true, nals: [sets.sps, sets.pps, ...rest] };
  });
}
