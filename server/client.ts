import 'server-only';
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTO_HEADER } from '@/scripts/client-address.mjs';

/**
 * The client of a request as scripts/server.mjs resolved it from the socket (and, only from a TRUSTED_PROXY, from
 * forwarding headers). Under any other server (next dev) every request shares the address "unknown" and plain http,
 * which is the safe side: rate limits get stricter and cookies stay usable.
 */
export interface Client {
  address: string;
  https: boolean;
}

export function clientOf(headers: Headers): Client {
  return {
    address: headers.get(CLIENT_ADDRESS_HEADER) || 'unknown',
    https: headers.get(CLIENT_PROTO_HEADER) === 'https',
  };
}
