import { once } from 'node:events';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';

// The simulator's UDP transport: one RTP socket and one RTCP socket shared by every session.

export async function bindUdpPair(host: string): Promise<{ rtp: UdpSocket; rtcp: UdpSocket }> {
  const type = host.includes(':') ? 'udp6' : 'udp4';
  for (let attempt = 0; attempt < 20; attempt++) {
    const rtp = createSocket(type);
    rtp.bind(0, host);
    await once(rtp, 'listening');
    const port = rtp.address().port;
    if (port % 2 === 0 && port < 65535) {
      // RTP on an even port and RTCP on the next one, which clients assume (RFC 3550 11).
      const rtcp = createSocket(type);
      const bound = await new Promise<boolean>((resolve) => {
        rtcp.once('error', () => resolve(false));
        rtcp.bind(port + 1, host, () => resolve(true));
      });
      if (bound) return { rtp, rtcp };
      rtcp.close();
    }
    rtp.close();
  }
  throw new Error('could not bind a pair of UDP ports for RTP and RTCP');
}
