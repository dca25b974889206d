import { runContentCheck } from '@/lib/content/check';

if (!(await runContentCheck())) process.exit(1);
