import { describe, expect, it } from 'vitest';
import { chooseTransport } from './transport';

describe('SETUP transport', () => {
  it('takes interleaved TCP with or without channels', () => {
    expect(chooseTransport('RTP/AVP/TCP;unicast;interleaved=2-3')).toEqual({
      mode: 'tcp',
      channels: [2, 3],
    });
    expect(chooseTransport('RTP/AVP/TCP;unicast')).toEqual({ mode: 'tcp', channels: null });
  });

  it('takes unicast UDP with client ports', () => {
    expect(chooseTransport('RTP/AVP;unicast;client_port=5000-5001')).toEqual({
      mode: 'udp',
      clientPorts: [5000, 5001],
    });
    expect(chooseTransport('RTP/AVP/UDP;unicast;client_port=6000')).toEqual({
      mode: 'udp',
      clientPorts: [6000, 6001],
    });
  });

  it('skips what it cannot serve and picks the next offer', () => {
    expect(chooseTransport('RTP/AVP;multicast, RTP/AVP/TCP;unicast;interleaved=0-1')).toEqual({
      mode: 'tcp',
      channels: [0, 1],
    });
    expect(chooseTransport('RTP/AVP;multicast')).toBeNull();
    expect(chooseTransport('RTP/SAVP;unicast;client_port=1-2')).toBeNull();
    expect(chooseTransport('RTP/AVP/TCP;unicast;interleaved=300-301')).toBeNull();
    expect(chooseTransport(undefined)).toBeNull();
  });
});
