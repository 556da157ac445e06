import { randomBytes, randomInt } from 'node:crypto';
import type { StreamName } from './camera-path';
import type { StreamMedia, Track } from './media';
import { interleaved, senderReport, stampedCopy, type PacketTemplate } from './rtp';

// One client's RTSP session on one stream of one camera: the tracks it set up, where their
// packets go, and the clock that paces them. A session starts at the camera's most recent
// keyframe (as a camera sends an IDR to a new client) and then sends each frame when it is due
// in real time, looping the clip with timestamps and sequence numbers that keep counting.

export type Output =
  | { mode: 'tcp'; rtpChannel: number; rtcpChannel: number }
  | { mode: 'udp'; address: string; rtpPort: number; rtcpPort: number };

/** Where a session's packets go: the RTSP connection (interleaved) or the server's UDP sockets. */
export interface Sink {
  /** False while the client reads too slowly: the frame is dropped, as a camera would. */
  canWrite(): boolean;
  write(data: Buffer): void;
  datagram(data: Buffer, port: number, address: string, rtcp: boolean): void;
}

export interface TrackOutput {
  track: Track;
  out: Output;
  ssrc: number;
  /** The next sequence number. */
  seq: number;
  /** RTP timestamp of the session's first instant. */
  tsBase: number;
  /** Clip frame (counted without wrapping) the track starts at. */
  firstFrame: number;
  /** Frames handled since the start (sent, dropped or skipped). */
  handled: number;
  packets: number;
  octets: number;
  lastReportMs: number;
}

export interface TickCounts {
  frames: number;
  packets: number;
  bytes: number;
  dropped: number;
}

/** How far behind a session may fall (a blocked event loop) before it skips instead of bursting. */
const maxLagMs = 2000;
const reportEveryMs = 5000;

export class Session {
  readonly id = randomBytes(8).toString('hex');
  readonly outputs = new Map<number, TrackOutput>();
  playing = false;
  private startedAt = 0;
  private clipStartMs = 0;
  private pausedAt: number | null = null;
  /** Media to switch to at the next video keyframe (a camera whose settings changed mid-stream). */
  private nextMedia: StreamMedia | null = null;

  constructor(
    readonly camera: number,
    readonly stream: StreamName,
    public media: StreamMedia,
    private readonly sink: Sink,
    /** How far the camera's own clock is from true time (ms), read at each sender report. */
    private readonly clockSkewMs: () => number = () => 0,
  ) {}

  /**
   * Sends `media` instead from the next keyframe on, with the same sequence numbers and clock:
   * the client sees new parameter sets in band, as when a camera's resolution is changed while
   * it streams. Both clips share frame timing and keyframe positions, so frames map one to one.
   */
  switchMedia(media: StreamMedia): void {
    this.nextMedia = media;
  }

  private switchIfDue(frame: number): void {
    const next = this.nextMedia;
    const video = next?.tracks[0];
    if (!next || !video?.keyframes[frame % video.frames.length]) return;
    this.media = next;
    this.nextMedia = null;
    for (const [index, output] of this.outputs) output.track = next.tracks[index] ?? output.track;
  }

  addTrack(index: number, out: Output): TrackOutput {
    const track = this.media.tracks[index];
    if (!track) throw new Error(`no track ${index}`);
    const output: TrackOutput = {
      track,
      out,
      ssrc: randomInt(1, 2 ** 32 - 1),
      seq: randomInt(0, 65536),
      tsBase: randomInt(0, 2 ** 32 - 1),
      firstFrame: 0,
      handled: 0,
      packets: 0,
      octets: 0,
      lastReportMs: Number.NEGATIVE_INFINITY,
    };
    this.outputs.set(index, output);
    return output;
  }

  /** Starts (or resumes) sending; `liveClipMs` is where the camera's picture is right now. */
  play(nowMs: number, liveClipMs: number): { index: number; seq: number; rtptime: number }[] {
    if (this.pausedAt !== null) {
      this.startedAt += nowMs - this.pausedAt;
      this.pausedAt = null;
    } else if (!this.playing) {
      this.clipStartMs = this.keyframeAtOrBefore(liveClipMs);
      this.startedAt = nowMs;
      for (const output of this.outputs.values()) {
        output.firstFrame = Math.ceil(this.clipStartMs / output.track.frameMs - 1e-9);
      }
    }
    this.playing = true;
    return [...this.outputs].map(([index, output]) => ({
      index,
      seq: output.seq,
      rtptime: this.timestamp(output, output.firstFrame + output.handled),
    }));
  }

  pause(nowMs: number): void {
    if (this.playing && this.pausedAt === null) this.pausedAt = nowMs;
    this.playing = false;
  }

  /** Sends every frame due by `nowMs`; a stalled camera lets them pass unsent. */
  tick(nowMs: number, stalled: boolean, counts: TickCounts): void {
    if (!this.playing) return;
    for (const output of this.outputs.values()) {
      for (;;) {
        const frame = output.firstFrame + output.handled;
        const dueMs = this.startedAt + frame * output.track.frameMs - this.clipStartMs;
        if (dueMs > nowMs) break;
        if (output.track.kind === 'video') this.switchIfDue(frame);
        const { track } = output;
        output.handled++;
        const template = track.frames[frame % track.frames.length]!;
        if (stalled || nowMs - dueMs > maxLagMs || !this.sink.canWrite()) {
          if (!stalled) counts.dropped++;
          output.seq = (output.seq + template.offsets.length) & 0xffff; // a gap the client sees
          continue;
        }
        const timestamp = this.timestamp(output, frame);
        if (nowMs - output.lastReportMs >= reportEveryMs) {
          this.report(output, dueMs, timestamp);
          output.lastReportMs = nowMs;
        }
        this.send(output, template, timestamp);
        output.packets += template.offsets.length;
        output.octets += template.payloadBytes;
        counts.frames++;
        counts.packets += template.offsets.length;
        counts.bytes += template.data.length;
      }
    }
  }

  private send(output: TrackOutput, template: PacketTemplate, timestamp: number): void {
    const { out } = output;
    const channel = out.mode === 'tcp' ? out.rtpChannel : 0;
    const data = stampedCopy(template, {
      channel,
      ssrc: output.ssrc,
      timestamp,
      firstSeq: output.seq,
    });
    output.seq = (output.seq + template.offsets.length) & 0xffff;
    if (out.mode === 'tcp') {
      this.sink.write(data);
      return;
    }
    template.offsets.forEach((offset, index) => {
      const packet = data.subarray(offset, offset + template.lengths[index]!);
      this.sink.datagram(packet, out.rtpPort, out.address, false);
    });
  }

  private report(output: TrackOutput, wallMs: number, rtpTimestamp: number): void {
    // Cameras stamp sender reports with their own wall clock, which is rarely right: the
    // skew is what a clock probe must find. Pacing stays on true time.
    const packet = senderReport({
      ssrc: output.ssrc,
      wallMs: wallMs + this.clockSkewMs(),
      rtpTimestamp,
      packets: output.packets,
      octets: output.octets,
    });
    const { out } = output;
    if (out.mode === 'tcp') {
      this.sink.write(interleaved(out.rtcpChannel, packet));
    } else {
      this.sink.datagram(packet, out.rtcpPort, out.address, true);
    }
  }

  private timestamp(output: TrackOutput, frame: number): number {
    const elapsedMs = frame * output.track.frameMs - this.clipStartMs;
    return (output.tsBase + Math.round(elapsedMs * output.track.ticksPerMs)) >>> 0;
  }

  /** The clip time of the last video keyframe at or before `clipMs` (within one loop). */
  private keyframeAtOrBefore(clipMs: number): number {
    const video = this.media.tracks.find((track) => track.kind === 'video') ?? this.media.tracks[0];
    if (!video) return 0;
    const count = video.frames.length;
    let frame = Math.floor(clipMs / video.frameMs) % count;
    while (frame > 0 && !video.keyframes[frame]) frame--;
    return frame * video.frameMs;
  }
}
