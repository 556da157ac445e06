import { describe, expect, it } from 'vitest';
import type { StreamMedia, Track } from './media';
import { frameTemplate } from './rtp';
import { Session, type Sink, type TickCounts } from './rtsp-session';

/** A track whose frame k carries the single payload byte `tag + k` (one packet per frame). */
function track(
  kind: 'video' | 'audio',
  frames: number,
  frameMs: number,
  keyEvery: number,
  tag = 0,
): Track {
  return {
    kind,
    frames: Array.from({ length: frames }, (_, k) => frameTemplate([Buffer.from([tag + k])], 96)),
    keyframes: Array.from({ length: frames }, (_, k) => k % keyEvery === 0),
    frameMs,
    ticksPerMs: kind === 'video' ? 90 : 16,
    payloadType: 96,
    sdpFormat: [],
  };
}

/** 8 video frames of 40 ms (keyframes 0 and 4) and 5 audio frames of 64 ms: a 320 ms loop. */
const media: StreamMedia = {
  width: 64,
  height: 36,
  loopMs: 320,
  tracks: [track('video', 8, 40, 4), track('audio', 5, 64, 1)],
};
/** The same timing at another resolution: its video frames are tagged 100 + k. */
const otherMedia: StreamMedia = {
  ...media,
  tracks: [track('video', 8, 40, 4, 100), media.tracks[1]!],
};

interface Packet {
  channel: number;
  seq: number;
  timestamp: number;
  frame: number;
}

function recordingSink(): Sink & { packets: Packet[]; writable: boolean } {
  const sink = {
    packets: [] as Packet[],
    writable: true,
    canWrite: () => sink.writable,
    write(data: Buffer) {
      if (data[4]! >> 6 !== 2 || data[5] === 200) return; // RTCP sender reports are not media
      sink.packets.push({
        channel: data[1]!,
        seq: data.readUInt16BE(6),
        timestamp: data.readUInt32BE(8),
        frame: data[16]!,
      });
    },
    datagram() {
      throw new Error('no UDP in this test');
    },
  };
  return sink;
}

const counts = (): TickCounts => ({ frames: 0, packets: 0, bytes: 0, dropped: 0 });

function playing(sink: Sink) {
  const session = new Session(1, 'main', media, sink);
  const video = session.addTrack(0, { mode: 'tcp', rtpChannel: 0, rtcpChannel: 1 });
  const audio = session.addTrack(1, { mode: 'tcp', rtpChannel: 2, rtcpChannel: 3 });
  return { session, video, audio };
}

describe('a simulated camera session', () => {
  it('starts at the latest keyframe and announces its first sequence number and timestamp', () => {
    const sink = recordingSink();
    const { session, video } = playing(sink);
    const firstSeq = video.seq;
    const info = session.play(1000, 200); // the camera is at frame 5; the keyframe before is 4
    expect(info[0]).toEqual({ index: 0, seq: firstSeq, rtptime: video.tsBase });
    session.tick(1000, false, counts());
    expect(sink.packets).toEqual([
      { channel: 0, seq: firstSeq, timestamp: video.tsBase, frame: 4 },
    ]);
  });

  it('paces frames in real time and loops with counting timestamps and sequence numbers', () => {
    const sink = recordingSink();
    const { session, video, audio } = playing(sink);
    const firstSeq = video.seq;
    session.play(1000, 200);
    const tally = counts();
    session.tick(1000 + 400, false, tally); // 400 ms later: video frames 4..14, audio 3..8 of the clip
    const videoPackets = sink.packets.filter((p) => p.channel === 0);
    const audioPackets = sink.packets.filter((p) => p.channel === 2);
    expect(videoPackets.map((p) => p.frame)).toEqual([4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6]);
    expect(videoPackets.map((p) => p.seq)).toEqual(
      videoPackets.map((_, i) => (firstSeq + i) & 0xffff),
    );
    expect(videoPackets.map((p) => (p.timestamp - video.tsBase) >>> 0)).toEqual(
      videoPackets.map((_, i) => i * 3600),
    );
    // Audio starts at the first frame at or after the keyframe (clip time 192 ms, 32 ms in).
    expect(audioPackets.map((p) => p.frame)).toEqual([3, 4, 0, 1, 2, 3]);
    expect(audioPackets.map((p) => (p.timestamp - audio.tsBase) >>> 0)).toEqual(
      audioPackets.map((_, i) => (32 + i * 64) * 16),
    );
    expect(tally.frames).toBe(17);
  });

  it('sends nothing while stalled and carries on live afterwards, leaving a sequence gap', () => {
    const sink = recordingSink();
    const { session, video } = playing(sink);
    const firstSeq = video.seq;
    session.play(0, 0);
    session.tick(0, false, counts());
    session.tick(200, true, counts());
    expect(sink.packets.filter((p) => p.channel === 0)).toHaveLength(1);
    session.tick(240, false, counts());
    const last = sink.packets.filter((p) => p.channel === 0).at(-1)!;
    expect(last.frame).toBe(6);
    expect(last.seq).toBe((firstSeq + 6) & 0xffff);
  });

  it('drops frames for a client that does not read, and resumes when it does', () => {
    const sink = recordingSink();
    const { session } = playing(sink);
    session.play(0, 0);
    sink.writable = false;
    const tally = counts();
    session.tick(80, false, tally);
    expect(sink.packets).toHaveLength(0);
    expect(tally.dropped).toBe(5); // video 0, 1, 2 and audio 0, 1
    sink.writable = true;
    session.tick(120, false, tally);
    expect(sink.packets.map((p) => p.frame)).toEqual([3]);
  });

  it('resumes after PAUSE where it stopped, with no burst of missed frames', () => {
    const sink = recordingSink();
    const { session } = playing(sink);
    session.play(0, 0);
    session.tick(40, false, counts());
    session.pause(50);
    session.tick(5000, false, counts());
    session.play(5000, 123); // frame 2 was due 30 ms after the pause, so now 30 ms after the resume
    session.tick(5029, false, counts());
    expect(sink.packets.filter((p) => p.channel === 0)).toHaveLength(2);
    session.tick(5030, false, counts());
    expect(sink.packets.filter((p) => p.channel === 0).map((p) => p.frame)).toEqual([0, 1, 2]);
  });

  it('switches to other media at the next keyframe, keeping sequence numbers and clock', () => {
    const sink = recordingSink();
    const { session, video } = playing(sink);
    const firstSeq = video.seq;
    session.play(0, 0);
    session.tick(40, false, counts());
    session.switchMedia(otherMedia);
    session.tick(240, false, counts());
    const videoPackets = sink.packets.filter((p) => p.channel === 0);
    expect(videoPackets.map((p) => p.frame)).toEqual([0, 1, 2, 3, 104, 105, 106]);
    expect(videoPackets.map((p) => p.seq)).toEqual(
      videoPackets.map((_, i) => (firstSeq + i) & 0xffff),
    );
    expect(session.media).toBe(otherMedia);
  });

  it('stamps sender reports with the camera clock: true time plus its skew', () => {
    const reports: { channel: number; ntpMs: number }[] = [];
    const sink: Sink = {
      canWrite: () => true,
      write(data: Buffer) {
        if (data[5] !== 200) return;
        const seconds = data.readUInt32BE(12) - 2_208_988_800;
        const fraction = data.readUInt32BE(16) / 2 ** 32;
        reports.push({ channel: data[1]!, ntpMs: Math.round((seconds + fraction) * 1000) });
      },
      datagram() {
        throw new Error('no UDP in this test');
      },
    };
    let skewMs = 2500;
    const session = new Session(1, 'main', media, sink, () => skewMs);
    session.addTrack(0, { mode: 'tcp', rtpChannel: 0, rtcpChannel: 1 });
    const start = 1_700_000_000_000;
    session.play(start, 0);
    session.tick(start, false, counts());
    expect(reports).toEqual([{ channel: 1, ntpMs: start + 2500 }]);
    skewMs = -4000; // the camera's clock was set back; its next report says so
    for (let at = start + 40; at <= start + 5000; at += 40) session.tick(at, false, counts());
    expect(reports).toHaveLength(2); // one report every 5 s
    expect(reports[1]).toEqual({ channel: 1, ntpMs: start + 5000 - 4000 });
  });
});
