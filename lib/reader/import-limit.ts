// The import size limit on its own, free of imports, because next.config.ts
// needs it too (its loader cannot follow shared.ts into the generated Prisma
// enums). Everything else imports it through lib/reader/shared.ts.

/** 20 MB holds ~1,000 notes at the length limit; the import route and the upload form both refuse more. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
