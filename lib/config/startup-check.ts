import { env } from '@/lib/config/env';

// A misconfigured deployment stops here with every problem listed, instead
// of failing later at a reader's first click.
try {
  env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
