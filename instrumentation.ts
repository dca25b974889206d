/**
 * Runs once when a server starts: a misconfigured deployment stops here with
 * every problem listed, instead of failing later at a reader's first click.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
