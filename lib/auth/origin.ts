import 'server-only';
import { env } from '@/lib/config/env';
import { siteConfig } from '@/lib/config/site';

/**
 * This site's public origin as sign-in knows it: NEXTAUTH_URL (NextAuth's own
 * base), else the site URL. Never the request's Host header: a reset link
 * built from it would send the token to whatever host an attacker named.
 */
export function authOrigin(): string {
  return new URL(env().NEXTAUTH_URL ?? siteConfig.url).origin;
}
