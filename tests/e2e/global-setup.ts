import type { TestProject } from 'vitest/node';
import { buildApp, startOnPglite, startOnPostgres, type Backend, type RunningApp } from '@/tests/support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app on the embedded database. */
    baseURL: string;
    /** Every backend the app is served on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
    servers: { backend: Backend; baseURL: string }[];
  }
}

/**
 * Builds the app once and serves it with `next start` for every browser and
 * API test: on a fresh PGlite folder, and on a fresh PostgreSQL schema when
 * TEST_DATABASE_URL is set. `E2E_BASE_URL` points the tests at a server you
 * already run; `E2E_SKIP_BUILD=1` reuses the last build.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('baseURL', process.env.E2E_BASE_URL);
    project.provide('servers', [{ backend: 'pglite', baseURL: process.env.E2E_BASE_URL }]);
    return;
  }
  if (process.env.E2E_SKIP_BUILD !== '1') buildApp();
  const apps: RunningApp[] = [];
  const stopAll = async () => {
    for (const app of apps) await app.stop();
  };
  try {
    apps.push(await startOnPglite());
    if (process.env.TEST_DATABASE_URL) apps.push(await startOnPostgres(process.env.TEST_DATABASE_URL));
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide('baseURL', apps[0]!.baseURL);
  project.provide(
    'servers',
    apps.map(({ backend, baseURL }) => ({ backend, baseURL })),
  );
  return stopAll;
}
