import { headerValue, type AnyHeaders } from '@/lib/http/headers';

/**
 * Where per-address limits (sign-up, sign-in, password reset) learn who is
 * asking. X-Forwarded-For is written by whoever sent the request: only the
 * entries appended by proxies we run can be believed. With N trusted proxies
 * in front of the app, the client is the Nth address from the right of the
 * chain "X-Forwarded-For entries, then the socket's peer"; with none, it is the
 * socket's peer. Everything to the left of that is the client's own claim.
 *
 * Next hands route handlers no socket, and fills X-Forwarded-For from the
 * socket only when the client sent none. So `installClientAddressHook`
 * (started from instrumentation.ts) resolves the address as each request
 * arrives, while the socket is still at hand, and writes it into
 * CLIENT_ADDRESS_HEADER, replacing anything a client put there.
 *
 * On Vercel there is no socket to read and no proxy count to configure:
 * Vercel overwrites X-Forwarded-For at its edge and documents
 * x-vercel-forwarded-for (which a proxy in front of Vercel cannot overwrite)
 * and x-real-ip as the client's address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-papers-client-address';

/** The client address as the chain of hops says, trusting `trustedProxies` hops; null when the chain is too short. */
export function resolveClientAddress(forwardedFor: string | undefined, peer: string | undefined, trustedProxies: number): string | null {
  const chain = [...(forwardedFor ?? '').split(','), peer ?? '']
    .map((entry) => entry.trim())
    // A hop we cannot read (no peer, an empty entry) still counts as a hop.
    .map((entry) => entry || null);
  // A request that passed fewer hops than configured (one that went around
  // the proxy) names no trustworthy client.
  const index = chain.length - 1 - trustedProxies;
  return index >= 0 ? (chain[index] ?? null) : null;
}

const onVercel = () => process.env.VERCEL === '1';

/** The address per-address limits key on, or null when it cannot be known. */
export function clientIp(headers: AnyHeaders | undefined): string | null {
  if (onVercel()) {
    return headerValue(headers, 'x-vercel-forwarded-for')?.split(',')[0]?.trim() || headerValue(headers, 'x-real-ip')?.trim() || null;
  }
  return headerValue(headers, CLIENT_ADDRESS_HEADER)?.trim() || null;
}
