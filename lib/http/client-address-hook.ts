import 'server-only';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '@/lib/http/client-ip';

const CHANNEL = 'http.server.request.start';
let uninstall: (() => void) | null = null;

/**
 * Resolves every request's client address while its socket is still known
 * (Node publishes `http.server.request.start` before the server's request
 * handler runs, so before Next sees the request) and writes it into
 * CLIENT_ADDRESS_HEADER, always replacing what the client sent. Started once
 * per server by instrumentation.ts (not on Vercel, which reports the address
 * itself); a second call replaces the first. Returns the way to stop it.
 */
export function installClientAddressHook(trustedProxies: number): () => void {
  uninstall?.();
  const onRequest = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const forwardedFor = request.headers['x-forwarded-for'];
    const address = resolveClientAddress(
      Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
      socket.remoteAddress,
      trustedProxies,
    );
    if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
    else delete request.headers[CLIENT_ADDRESS_HEADER];
  };
  subscribe(CHANNEL, onRequest);
  const stop = () => {
    unsubscribe(CHANNEL, onRequest);
    if (uninstall === stop) uninstall = null;
  };
  uninstall = stop;
  return stop;
}
