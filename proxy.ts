import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, scriptAllowance } from '@/lib/security/csp';
import { loadCspManifest } from '@/lib/security/csp-manifest';

const dev = process.env.NODE_ENV === 'development';

/**
 * Every page and route gets a request id (logged with any server error, sent
 * back as x-request-id) and its Content-Security-Policy. Next's own files
 * under /_next/ carry the fixed headers from next.config.ts only.
 */
export function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const allowance = scriptAllowance(loadCspManifest(), request.nextUrl.pathname, () => btoa(crypto.randomUUID()));
  const policy = contentSecurityPolicy(allowance, { dev });

  const malformed = malformedPathResponse(request.nextUrl.pathname);
  if (malformed) return withHeaders(malformed, policy, requestId);

  // A prerendered page is served as built: nothing downstream reads the
  // request, so it is passed on untouched (copying its headers is most of
  // what this function would otherwise cost per page view).
  if (!allowance.nonce) return withHeaders(NextResponse.next(), policy, requestId);

  const forwarded = new Headers(request.headers);
  forwarded.set('x-request-id', requestId);
  // Next reads the nonce from this request header and puts it on the scripts it renders.
  forwarded.set('content-security-policy', policy);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), policy, requestId);
}

/**
 * A path whose %-escapes do not decode (`/api/notes/%ZZ`, `%C0%AF`, a cut
 * `%E0%A4%A`) is a bad request. Answered here because Next would otherwise
 * fail to decode the route's params and answer a bare 500 (its 400 page does
 * not exist in the app router).
 */
function malformedPathResponse(pathname: string): NextResponse | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    const message = 'Bad request: the URL has a %-escape that is not valid UTF-8.';
    const headers = { 'Cache-Control': 'no-store' };
    if (pathname.startsWith('/api/')) return NextResponse.json({ error: message }, { status: 400, headers });
    return new NextResponse(message, { status: 400, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}

function withHeaders(response: NextResponse, policy: string, requestId: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  // Next's own files and dev endpoints (static chunks, images, HMR) pass untouched.
  matcher: [{ source: '/((?!_next/|favicon.ico).*)' }],
};
