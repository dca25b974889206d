// Shared by server pages and client islands (a 'use client' module's plain
// values are only references on the server).
export const readingStatusLabels = { TO_READ: 'To read', READING: 'Reading', READ: 'Read' } as const;
