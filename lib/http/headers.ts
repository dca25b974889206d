/** Request headers as route handlers (`Headers`) and NextAuth / instrumentation (a plain record) hand them over. */
export type AnyHeaders = Headers | Record<string, string | string[] | undefined>;

/** One header's value (the first, when repeated), or undefined. */
export function headerValue(headers: AnyHeaders | undefined, name: string): string | undefined {
  const value = headers instanceof Headers ? (headers.get(name) ?? undefined) : headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}
