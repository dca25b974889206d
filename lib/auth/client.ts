'use client';
// The one place client components reach NextAuth: sign in and out from the browser.
export { signIn, signOut } from 'next-auth/react';
