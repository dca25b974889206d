// No imports: next.config.ts reads it without loading the content pipeline.
/** The exit code of scripts/pre-build.ts when the content check refuses the content (any other failure is the feed step's). */
export const CHECK_FAILED = 3;
