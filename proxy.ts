import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, scriptAllowance } from '@/lib/security/csp';
import { loadCspManifest } from '@/lib/security/csp-manifest';

const dev = process.env.NODE_ENV === 'development';

/**
 * Pages rendered per request and API routes get a request id (logged with any
 * server error, sent back as x-request-id) and their Content-Security-Policy
 * with a fresh nonce. Prerendered pages never reach this function (see the
 * matcher below): their policy is in their own HTML.
 */
export function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const allowance = scriptAllowance(loadCspManifest(), request.nextUrl.pathname, () => btoa(crypto.randomUUID()));
  const policy = contentSecurityPolicy(allowance, { dev });

  const malformed = malformedPathResponse(request.nextUrl.pathname);
  if (malformed) return withHeaders(malformed, policy, requestId);

  // A prerendered page should not get here (the matcher leaves them alone and
  // verify:vercel checks it); one that does is served as built, its request
  // passed on untouched, with a header policy that matches its <meta> one.
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

/**
 * Where the proxy runs. Not in front of what the build prerenders (reviews and
 * archives under /docs/, the home page and its pages, org, tag and paper
 * pages, the shells of /library and /bookmarks (their list is an island that
 * asks /api/library), feeds, the search index and its shards, Open Graph
 * cards, content images, Next's own files, the 404 and 500 documents, and the `.rsc`/`.segments` payloads next
 * to each page): those are served as built, from Vercel's CDN with no function
 * invoked, and carry their CSP in a `<meta>` tag (scripts/post-build.ts).
 * Everything else (the other reader pages, sign-in, /api/*, unknown paths and
 * their 404) runs it. `npm run verify:vercel` fails if this ever matches the
 * URL of a prerendered page; a new prerendered section must be added here.
 *
 * The second pattern sends a path whose %-escapes are not valid UTF-8 here
 * from anywhere (`/docs/%E0%A4%A`), to answer 400 rather than Next's 500. It
 * lists the valid UTF-8 sequences (RFC 3629) and matches a path that is not
 * made of them, so it never matches a real page's URL. Both must be literals:
 * Next reads this object without running the file.
 */
export const config = {
  matcher: [
    {
      source:
        '/((?!_next/|$|index(?:\\.|$)|(?:404|500)(?:\\.|$)|docs/|orgs/|tags/|page/|papers(?:[/.]|$)|(?:library|bookmarks)(?:\\.|$)|og/|content-assets/|_not-found|_global-error|rss\\.xml$|atom\\.xml$|search-index(?:\\.json$|/)|sitemap\\.xml$|robots\\.txt$|icon\\.svg$|favicon\\.ico$).*)',
    },
    {
      source:
        '/((?!(?:[^%]|%[0-7][0-9A-Fa-f]|%(?:[Cc][2-9A-Fa-f]|[Dd][0-9A-Fa-f])%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%(?:9[0-9A-Fa-f]|[ABab][0-9A-Fa-f])%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$).*)',
    },
  ],
};
