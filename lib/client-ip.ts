/**
 * The client's address as the platform reports it. Vercel (and a reverse
 * proxy configured the usual way) sets x-forwarded-for / x-real-ip; without a
 * proxy, Next fills x-forwarded-for from the socket. A server exposed directly
 * cannot tell a forged header from a real one, so per-address limits are a
 * brake, never the only defence (per-account limits do not depend on it).
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string | null {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers?.[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return get('x-forwarded-for')?.split(',')[0]?.trim() || get('x-real-ip')?.trim() || null;
}
