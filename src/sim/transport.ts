// The Transport header of SETUP (RFC 2326 12.39): the client lists what it can take, in order of
// preference; the simulator takes the first unicast RTP over TCP (interleaved) or UDP.

export type TransportChoice =
  | { mode: 'tcp'; channels: [number, number] | null }
  | { mode: 'udp'; clientPorts: [number, number] };

function pair(value: string | undefined): [number, number] | null {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value ?? '');
  if (!match) return null;
  const first = Number(match[1]);
  const second = match[2] === undefined ? first + 1 : Number(match[2]);
  return first <= 65535 && second <= 65535 ? [first, second] : null;
}

function parseOne(spec: string): TransportChoice | null {
  const [protocol = '', ...params] = spec.split(';').map((part) => part.trim());
  const values = new Map(
    params.map((param) => {
      const at = param.indexOf('=');
      return at < 0
        ? [param.toLowerCase(), '']
        : [param.slice(0, at).toLowerCase(), param.slice(at + 1)];
    }),
  );
  if (values.has('multicast')) return null;
  const upper = protocol.toUpperCase();
  if (upper === 'RTP/AVP/TCP') {
    const channels = values.has('interleaved') ? pair(values.get('interleaved')) : null;
    if (values.has('interleaved') && (!channels || channels[0] > 255 || channels[1] > 255)) {
      return null;
    }
    return { mode: 'tcp', channels };
  }
  if (upper === 'RTP/AVP' || upper === 'RTP/AVP/UDP') {
    const ports = pair(values.get('client_port'));
    return ports ? { mode: 'udp', clientPorts: ports } : null;
  }
  return null;
}

/** The first acceptable transport the client offered, or null (answer 461). */
export function chooseTransport(header: string | undefined): TransportChoice | null {
  for (const spec of (header ?? '').split(',')) {
    const choice = parseOne(spec);
    if (choice) return choice;
  }
  return null;
}
