// Reading an ADTS AAC stream (what `ffmpeg -f adts` writes) into raw AAC frames, and the
// AudioSpecificConfig that the SDP announces for RFC 3640 (`mpeg4-generic`).

const sampleRates = [
  96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
];

export interface AacStream {
  /** Raw AAC frames (ADTS headers removed), 1024 samples each. */
  frames: Buffer[];
  sampleRate: number;
  channels: number;
  /** AudioSpecificConfig as hex, for the SDP's `config=`. */
  config: string;
}

export function parseAdts(stream: Buffer): AacStream {
  const frames: Buffer[] = [];
  let sampleRate = 0;
  let channels = 0;
  let objectType = 0;
  let rateIndex = 0;
  for (let at = 0; at + 7 <= stream.length;) {
    if (stream[at] !== 0xff || ((stream[at + 1] ?? 0) & 0xf0) !== 0xf0) {
      throw new Error(`ADTS sync word missing at byte ${at}`);
    }
    const b1 = stream[at + 1]!;
    const b2 = stream[at + 2]!;
    const b3 = stream[at + 3]!;
    const protectionAbsent = b1 & 0x01;
    objectType = ((b2 >> 6) & 0x03) + 1;
    rateIndex = (b2 >> 2) & 0x0f;
    channels = ((b2 & 0x01) << 2) | ((b3 >> 6) & 0x03);
    sampleRate = sampleRates[rateIndex] ?? 0;
    const frameLength = ((b3 & 0x03) << 11) | (stream[at + 4]! << 3) | (stream[at + 5]! >> 5);
    const headerLength = protectionAbsent ? 7 : 9;
    if (frameLength < headerLength || at + frameLength > stream.length) break;
    frames.push(stream.subarray(at + headerLength, at + frameLength));
    at += frameLength;
  }
  if (frames.length === 0 || sampleRate === 0) throw new Error('no AAC frames in the ADTS stream');
  // AudioSpecificConfig: 5 bits object type, 4 bits rate index, 4 bits channels, 3 zero bits.
  const config = (objectType << 11) | (rateIndex << 7) | (channels << 3);
  return { frames, sampleRate, channels, config: config.toString(16).padStart(4, '0') };
}
