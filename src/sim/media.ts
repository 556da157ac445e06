import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAdts } from './adts';
import { ensureClips } from './clip';
import {
  accessUnits,
  parameterSets,
  profileLevelId,
  splitAnnexB,
  withParameterSetsOnKeyframes,
  type AccessUnit,
} from './h264';
import {
  h265Payloads,
  h265SdpFormat,
  hevcAccessUnits,
  hevcParameterSets,
  withHevcParameterSetsOnKeyframes,
} from './h265';
import { aacPayload, frameTemplate, h264Payloads, type PacketTemplate } from './rtp';

// The clips in memory, packetised once and shared by every camera and every client of this
// process: 50 cameras cost no more memory than one.

export const VIDEO_PAYLOAD_TYPE = 96;
export const AUDIO_PAYLOAD_TYPE = 97;

export interface Track {
  kind: 'video' | 'audio';
  /** One packet template per frame of the loop. */
  frames: PacketTemplate[];
  /** Frames a client may start on (every audio frame; video IDR frames). */
  keyframes: boolean[];
  frameMs: number;
  /** RTP clock ticks per millisecond (90 for video, the sample rate / 1000 for audio). */
  ticksPerMs: number;
  payloadType: number;
  /** The SDP lines after `m=` that describe this track's format. */
  sdpFormat: string[];
}

export interface StreamMedia {
  width: number;
  height: number;
  loopMs: number;
  tracks: Track[];
}

/** Video codecs as ffmpeg and the recorder's segment index name them. */
export type VideoCodec = 'h264' | 'hevc';

export interface SimMedia {
  main: StreamMedia;
  sub: StreamMedia;
  /** The main stream as H.265 (the `codec` fault), or null when ffmpeg cannot encode it. */
  mainHevc: StreamMedia | null;
}

/** Access units, RTP payloads and SDP lines of one codec's elementary stream. */
function parseVideo(stream: Buffer, codec: VideoCodec, fps: number) {
  const nals = splitAnnexB(stream);
  const pt = VIDEO_PAYLOAD_TYPE;
  if (codec === 'hevc') {
    const sets = hevcParameterSets(nals);
    return {
      units: withHevcParameterSetsOnKeyframes(hevcAccessUnits(nals), sets),
      payloads: (unit: AccessUnit) => h265Payloads(unit.nals),
      sdpFormat: h265SdpFormat(pt, sets, fps),
    };
  }
  const sets = parameterSets(nals);
  const sprop = `${sets.sps.toString('base64')},${sets.pps.toString('base64')}`;
  return {
    units: withParameterSetsOnKeyframes(accessUnits(nals), sets),
    payloads: (unit: AccessUnit) => h264Payloads(unit.nals),
    sdpFormat: [
      `a=rtpmap:${pt} H264/90000`,
      `a=fmtp:${pt} packetization-mode=1;profile-level-id=${profileLevelId(sets.sps)};sprop-parameter-sets=${sprop}`,
      `a=framerate:${fps}`,
    ],
  };
}

function videoTrack(
  stream: Buffer,
  codec: VideoCodec,
  fps: number,
): { track: Track; frameCount: number } {
  const { units, payloads, sdpFormat } = parseVideo(stream, codec, fps);
  if (!units[0]?.keyframe) throw new Error('the clip does not start with a keyframe');
  const pt = VIDEO_PAYLOAD_TYPE;
  return {
    frameCount: units.length,
    track: {
      kind: 'video',
      frames: units.map((unit) => frameTemplate(payloads(unit), pt)),
      keyframes: units.map((unit) => unit.keyframe),
      frameMs: 1000 / fps,
      ticksPerMs: 90,
      payloadType: pt,
      sdpFormat,
    },
  };
}

/** The audio frames of one loop, or null if the clip has too few of them to fill it. */
function audioTrack(stream: Buffer, loopMs: number): Track | null {
  const aac = parseAdts(stream);
  const frameMs = (1024 * 1000) / aac.sampleRate;
  const count = loopMs / frameMs;
  if (!Number.isInteger(count) || aac.frames.length < count) return null;
  const pt = AUDIO_PAYLOAD_TYPE;
  return {
    kind: 'audio',
    frames: aac.frames.slice(0, count).map((frame) => frameTemplate([aacPayload(frame)], pt)),
    keyframes: new Array<boolean>(count).fill(true),
    frameMs,
    ticksPerMs: aac.sampleRate / 1000,
    payloadType: pt,
    sdpFormat: [
      `a=rtpmap:${pt} MPEG4-GENERIC/${aac.sampleRate}/${aac.channels}`,
      `a=fmtp:${pt} streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=${aac.config}`,
    ],
  };
}

async function loadStream(
  dir: string,
  fps: number,
  info: { file: string; width: number; height: number },
  codec: VideoCodec,
  audio: Buffer | null,
): Promise<StreamMedia> {
  const { track, frameCount } = videoTrack(await readFile(join(dir, info.file)), codec, fps);
  const loopMs = frameCount * track.frameMs;
  const sound = audio ? audioTrack(audio, loopMs) : null;
  return {
    width: info.width,
    height: info.height,
    loopMs,
    tracks: sound ? [track, sound] : [track],
  };
}

const loaded = new Map<string, Promise<SimMedia>>();

/** Generates the clips if needed and loads them, once per clip folder per process. */
export function loadMedia(clipDir?: string): Promise<SimMedia> {
  const key = clipDir ?? '';
  let job = loaded.get(key);
  if (!job) {
    job = (async () => {
      const { dir, manifest } = await ensureClips(clipDir);
      const audio = manifest.audio ? await readFile(join(dir, manifest.audio.file)) : null;
      const { fps, video, hevc } = manifest;
      return {
        main: await loadStream(dir, fps, video.main, 'h264', audio),
        sub: await loadStream(dir, fps, video.sub, 'h264', audio),
        mainHevc: hevc ? await loadStream(dir, fps, hevc, 'hevc', audio) : null,
      };
    })();
    loaded.set(key, job);
    job.catch(() => loaded.delete(key));
  }
  return job;
}
