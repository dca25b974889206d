// Dev aid: `tsx scripts/screenshot.ts <url> <out.png> [mobile|<width>] [dark] [full]` to look at a page as a reader would.
// A number sets the viewport width (320, 390…); SCREENSHOT_COOKIE="name=value; …" signs the page in with a reader's cookies.
import { launchBrowser } from '@/tests/e2e/browser';

const [url, out, ...flags] = process.argv.slice(2);
if (!url || !out) throw new Error('usage: tsx scripts/screenshot.ts <url> <out.png> [mobile|<width>] [dark] [full]');
const width = Number(flags.find((flag) => /^\d+$/.test(flag)) ?? (flags.includes('mobile') ? 390 : 1280));
const browser = await launchBrowser();
const context = await browser.newContext({
  viewport: { width, height: width < 768 ? 844 : 900 },
  colorScheme: flags.includes('dark') ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
const cookie = process.env.SCREENSHOT_COOKIE;
if (cookie) {
  await context.addCookies(
    cookie.split(/;\s*/).map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
    }),
  );
}
const page = await context.newPage();
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: flags.includes('full') });
await browser.close();
