import { defineConfig } from 'prisma/config';

// Prisma 7 reads the CLI's settings from here instead of schema.prisma.
// The app itself never uses this file: lib/db.ts builds the client with a
// driver adapter. `prisma generate` needs no database, so the URL may be unset;
// `prisma migrate status/deploy` (on machines that have the schema engine) use DATABASE_URL.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
