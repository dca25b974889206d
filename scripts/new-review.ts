// `npm run new [-- YYYY-MM-DD]`: scaffolds this week's review (dated Friday)
// under content/ (or CONTENT_DIR) and prints where to see it.
import path from 'node:path';
import { contentRoot } from '@/lib/content/source/files';
import { reviewDate, ReviewExistsError, scaffoldReview } from '@/lib/content/new-review';

const arg = process.argv[2];
const parts = arg ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(arg) : null;
if (arg && !parts) {
  console.error(`npm run new: "${arg}" is not a date; write it as YYYY-MM-DD, or leave it out for this week's Friday.`);
  process.exit(1);
}
const date = parts ? new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) : reviewDate(new Date());
if (parts && date.getDate() !== Number(parts[3])) {
  console.error(`npm run new: ${arg} is not a day of the calendar.`);
  process.exit(1);
}

try {
  const { file, url } = scaffoldReview(contentRoot(), date);
  console.log(`Created ${path.relative(process.cwd(), file)}`);
  console.log(`See it at http://localhost:${process.env.PORT ?? 3000}${url} (npm run dev)`);
} catch (error) {
  if (!(error instanceof ReviewExistsError)) throw error;
  console.error(`npm run new: ${error.message}`);
  process.exit(1);
}
