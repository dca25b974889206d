import { authHandler } from '@/lib/auth/options';

export { authHandler as GET, authHandler as POST };
