import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export const CLIENT_ADDRESS_HEADER: 'x-pufa-client-address';
export const CLIENT_PROTO_HEADER: 'x-pufa-client-proto';
export interface ResolvedClient {
  address: string;
  proto: 'http' | 'https';
  trustedPeer: boolean;
}
export function normalizeAddress(address: string | undefined): string;
export function parseTrustedProxies(value: string | undefined): string[];
export function resolveClient(input: {
  peer: string | undefined;
  encrypted: boolean;
  headers: IncomingHttpHeaders;
  trusted: string[];
}): ResolvedClient;
export function stampRequest(req: IncomingMessage, trusted: string[]): ResolvedClient;
