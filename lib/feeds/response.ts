export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } });
}
