import { contentSecurityPolicy, FRAME_ANCESTORS_HEADER } from './policy';

/**
 * Headers every response carries (next.config.ts applies them to all paths,
 * static files included). The rest of the CSP travels with each page: in the
 * `<meta>` tag of a prerendered page (scripts/post-build.ts), in the header
 * proxy.ts sends on a page rendered per request.
 *
 * `dev`: `next dev` renders every page per request, and has no build to write
 * the `<meta>` policies; the pages proxy.ts does not run on get the whole
 * development policy here instead (inline scripts allowed: there is no nonce
 * for them). Pages the proxy runs on keep its nonce policy, which browsers
 * enforce as well.
 */
export function securityHeaders({ dev = false } = {}): { key: string; value: string }[] {
  return [
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    dev ? { key: FRAME_ANCESTORS_HEADER.key, value: contentSecurityPolicy({ hashes: [], inline: true }, { dev }) } : FRAME_ANCESTORS_HEADER,
  ];
}
