import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClient } from '@/scripts/client-address.mjs';

/** Who the client is: forwarding headers count only when the socket's peer is a TRUSTED_PROXY. */
describe('resolveClient', () => {
  it.each([
    {
      why: 'no trusted proxy: a client-supplied X-Forwarded-For is ignored',
      peer: '203.0.113.7',
      headers: { 'x-forwarded-for': '198.51.100.1', 'x-forwarded-proto': 'https' },
      trusted: [],
      address: '203.0.113.7',
      proto: 'http',
    },
    {
      why: 'an IPv4 peer on a dual-stack socket',
      peer: '::ffff:192.168.1.23',
      headers: {},
      trusted: [],
      address: '192.168.1.23',
      proto: 'http',
    },
    {
      why: 'behind the trusted proxy: the address it appended, and its protocol',
      peer: '127.0.0.1',
      headers: { 'x-forwarded-for': '10.0.0.9, 198.51.100.1', 'x-forwarded-proto': 'https' },
      trusted: ['127.0.0.1'],
      address: '198.51.100.1',
      proto: 'https',
    },
    {
      why: 'behind two trusted proxies: the first address that is not a proxy, read from the right',
      peer: '127.0.0.1',
      headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.1, 10.1.1.1' },
      trusted: ['127.0.0.1', '10.1.1.1'],
      address: '198.51.100.1',
      proto: 'http',
    },
    {
      why: 'a trusted proxy that sent no X-Forwarded-For: the proxy itself',
      peer: '127.0.0.1',
      headers: {},
      trusted: ['127.0.0.1'],
      address: '127.0.0.1',
      proto: 'http',
    },
    {
      why: 'a peer that is not the trusted proxy cannot claim https',
      peer: '192.168.1.50',
      headers: { 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'https' },
      trusted: ['127.0.0.1'],
      address: '192.168.1.50',
      proto: 'http',
    },
  ])('$why', ({ peer, headers, trusted, address, proto }) => {
    expect(resolveClient({ peer, encrypted: false, headers, trusted })).toMatchObject({ address, proto });
  });
});

describe('parseTrustedProxies', () => {
  it('reads a comma-separated list of addresses', () => {
    expect(parseTrustedProxies(' 127.0.0.1, ::1 ')).toEqual(['127.0.0.1', '::1']);
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });

  it('refuses anything that is not an IP address, naming it', () => {
    expect(() => parseTrustedProxies('127.0.0.1, nginx')).toThrow(/TRUSTED_PROXY: not an IP address: nginx/);
    expect(() => parseTrustedProxies('true')).toThrow(/true/);
  });
});
