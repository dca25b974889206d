import { checkContent } from '@/lib/content/check';
import { formatProblem } from '@/lib/content/source/problems';

const started = performance.now();
const { problems, reviews } = await checkContent();
for (const problem of problems) console.error(formatProblem(problem));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`content:check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${reviews} reviews (${seconds}s)`);
  process.exit(1);
}
console.log(`content:check: ${reviews} reviews OK (${seconds}s)`);
