// Dev aid: `tsx scripts/screenshot.ts <url> <out.png> [mobile] [dark]` to look at a page as a reader would.
import { launchBrowser } from '@/tests/e2e/browser';

const [url, out, ...flags] = process.argv.slice(2);
if (!url || !out) throw new Error('usage: tsx scripts/screenshot.ts <url> <out.png> [mobile] [dark] [full]');
const browser = await launchBrowser();
const page = await browser.newPage({
  viewport: flags.includes('mobile') ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  colorScheme: flags.includes('dark') ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: flags.includes('full') });
await browser.close();
