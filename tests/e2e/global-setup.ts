import type { TestProject } from 'vitest/node';
import { buildApp, startOnPglite, startOnPostgres, type Backend, type RunningApp } from '@/tests/support/server';
import { startMailCatcher } from '@/tests/support/smtp';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app on the embedded database. */
    baseURL: string;
    /** Every backend the app is served on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
    servers: { backend: Backend; baseURL: string }[];
    /** Where the local SMTP server the apps send mail to writes each message (tests/support/smtp.ts); '' with E2E_BASE_URL. */
    mailDir: string;
  }
}

/**
 * Builds the app once and serves it with `next start` for every browser and
 * API test: on a fresh PGlite folder, and on a fresh PostgreSQL schema when
 * TEST_DATABASE_URL is set. Both send mail (password reset) to one local SMTP
 * server started here. `E2E_BASE_URL` points the tests at a server you
 * already run; `E2E_SKIP_BUILD=1` reuses the last build.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('baseURL', process.env.E2E_BASE_URL);
    project.provide('servers', [{ backend: 'pglite', baseURL: process.env.E2E_BASE_URL }]);
    project.provide('mailDir', '');
    return;
  }
  if (process.env.E2E_SKIP_BUILD !== '1') buildApp();
  const smtp = await startMailCatcher();
  const mail = { SMTP_URL: smtp.url, MAIL_FROM: 'Papers Review <no-reply@papers.test>' };
  const apps: RunningApp[] = [];
  const stopAll = async () => {
    for (const app of apps) await app.stop();
    await smtp.stop();
  };
  try {
    apps.push(await startOnPglite(mail));
    if (process.env.TEST_DATABASE_URL) apps.push(await startOnPostgres(process.env.TEST_DATABASE_URL, mail));
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide('baseURL', apps[0]!.baseURL);
  project.provide(
    'servers',
    apps.map(({ backend, baseURL }) => ({ backend, baseURL })),
  );
  project.provide('mailDir', smtp.dir);
  return stopAll;
}
