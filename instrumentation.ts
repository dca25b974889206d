import type { Instrumentation } from 'next';

/**
 * Runs once when a server starts. The check lives in a Node-only module: Next
 * replaces NEXT_RUNTIME at build time, so the Edge bundle never includes it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` may load this too; it must never open the database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  await import('@/lib/config/startup-check');
  // Per-address limits need the socket's address, which only this process sees (lib/http/client-ip.ts).
  if (process.env.VERCEL !== '1') {
    const [{ installClientAddressHook }, { env }] = await Promise.all([
      import('@/lib/http/client-address-hook'),
      import('@/lib/config/env'),
    ]);
    installClientAddressHook(env().TRUSTED_PROXY_COUNT);
  }
  // Next waits for register() before it serves: the embedded database is open and migrated by then.
  const { prepareDatabase } = await import('@/lib/db/startup');
  await prepareDatabase();
}

/** Page and route failures: one redacted line with the request id and the digest the error page shows. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logServerError, requestIdOf } = await import('@/lib/http/log');
  const digest = (error as { digest?: string }).digest;
  logServerError(
    `${request.method} ${request.path.split('?')[0]} (${context.routeType}${digest ? `, digest ${digest}` : ''})`,
    requestIdOf(request.headers),
    error,
  );
};
