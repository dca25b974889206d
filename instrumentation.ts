/**
 * Runs once when a server starts. The check lives in a Node-only module: Next
 * replaces NEXT_RUNTIME at build time, so the Edge bundle never includes it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./lib/startup-check');
}
