import { buildOutputPath, readBuildOutput } from '@/lib/config/build-output';
import { CSP_MANIFEST_FILE, type CspHashManifest } from '@/lib/security/csp';

const empty: CspHashManifest = { routes: {}, fallback: [] };
let cached: CspHashManifest | undefined;

/**
 * The hash manifest of this build, read once. In development every page
 * renders on request (nonce), so there is none. A production build made with
 * `next build` alone lacks it: pages then render but their scripts are
 * blocked, and this says why.
 */
export function loadCspManifest(): CspHashManifest {
  if (cached) return cached;
  if (process.env.NODE_ENV !== 'production') return (cached = empty);
  cached = readBuildOutput<CspHashManifest>(CSP_MANIFEST_FILE) ?? undefined;
  if (!cached) {
    console.error(
      `[csp] ${buildOutputPath(CSP_MANIFEST_FILE)} is missing: build with \`npm run build\` (next build, then scripts/post-build.ts), or prerendered pages cannot run their scripts.`,
    );
    cached = empty;
  }
  return cached;
}
