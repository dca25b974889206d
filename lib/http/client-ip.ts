import { headerValue, type AnyHeaders } from '@/lib/http/headers';

/**
 * The client's address as the platform reports it. Vercel (and a reverse
 * proxy configured the usual way) sets x-forwarded-for / x-real-ip; without a
 * proxy, Next fills x-forwarded-for from the socket. A server exposed directly
 * cannot tell a forged header from a real one, so per-address limits are a
 * brake, never the only defence (per-account limits do not depend on it).
 */
export function clientIp(headers: AnyHeaders | undefined): string | null {
  return headerValue(headers, 'x-forwarded-for')?.split(',')[0]?.trim() || headerValue(headers, 'x-real-ip')?.trim() || null;
}
