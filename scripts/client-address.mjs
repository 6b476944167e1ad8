// Who sent a request, as the app's own HTTP server sees it (see scripts/server.mjs). Forwarding headers
// (X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host) are believed only from a peer listed in TRUSTED_PROXY;
// from anyone else they are client-supplied text and are dropped, so a new header value is not a new address.
import { isIP } from 'node:net';

/** The headers the app reads; anything a client sends under these names is removed first. */
export const CLIENT_ADDRESS_HEADER = 'x-pufa-client-address';
export const CLIENT_PROTO_HEADER = 'x-pufa-client-proto';

/** `::ffff:10.0.0.5` (an IPv4 peer on a dual-stack socket) is `10.0.0.5`. */
export function normalizeAddress(address) {
  const trimmed = String(address ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).toLowerCase();
}

/** TRUSTED_PROXY: comma-separated IP addresses of the reverse proxies in front of the app; empty trusts none. */
export function parseTrustedProxies(value) {
  const list = String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((s) => !isIP(normalizeAddress(s)));
  if (bad.length > 0) throw new Error(`TRUSTED_PROXY: not an IP address: ${bad.join(', ')}`);
  return list.map(normalizeAddress);
}

function first(value) {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Resolves the client's address and protocol from the socket peer and, behind a trusted proxy, from its forwarding
 * headers: the right-most X-Forwarded-For entry that is not itself a trusted proxy (entries further left were
 * written by the client and prove nothing).
 */
export function resolveClient({ peer, encrypted, headers, trusted }) {
  const peerAddress = normalizeAddress(peer);
  const ownProto = encrypted ? 'https' : 'http';
  if (!trusted.includes(peerAddress)) return { address: peerAddress || 'unknown', proto: ownProto, trustedPeer: false };
  const hops = String(first(headers['x-forwarded-for']) ?? '')
    .split(',')
    .map(normalizeAddress)
    .filter(Boolean);
  let address = peerAddress;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!isIP(hop)) break;
    address = hop;
    if (!trusted.includes(hop)) break;
  }
  const forwardedProto = String(first(headers['x-forwarded-proto']) ?? '')
    .split(',')[0]
    .trim()
    .toLowerCase();
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : ownProto;
  return { address, proto, trustedPeer: true };
}

/** Rewrites an incoming request's headers in place so the app sees only what the server vouches for. */
export function stampRequest(req, trusted) {
  const client = resolveClient({
    peer: req.socket?.remoteAddress,
    encrypted: Boolean(req.socket?.encrypted),
    headers: req.headers,
    trusted,
  });
  delete req.headers[CLIENT_ADDRESS_HEADER];
  delete req.headers[CLIENT_PROTO_HEADER];
  if (!client.trustedPeer) {
    // Next.js fills these from the socket when they are absent.
    delete req.headers['x-forwarded-for'];
    delete req.headers['x-forwarded-proto'];
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-port'];
  }
  req.headers[CLIENT_ADDRESS_HEADER] = client.address;
  req.headers[CLIENT_PROTO_HEADER] = client.proto;
  return client;
}
