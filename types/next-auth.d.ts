import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The account's sessionVersion when this cookie was issued (lib/auth/session-version.ts); absent in cookies older than it, read as 0. */
    sv?: number;
  }
}
