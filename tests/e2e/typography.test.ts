import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { setupBrowser } from '@/tests/e2e/browser';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();

const korean = index.reviews.find((review) => review.lang === 'ko')!;
const english = index.reviews.find((review) => review.lang === 'en')!;

test('the sample content has a review in each language', () => {
  expect(korean.title).toMatch(/[가-힣]/);
  expect(english.title).not.toMatch(/[가-힣]/);
});

test('Korean breaks between words, long tokens still wrap, and each review says its language', async () => {
  const context = await browser().newContext({ baseURL, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  for (const review of [korean, english]) {
    await page.goto(review.url);
    const article = page.locator('main article').first();
    expect(await article.getAttribute('lang'), review.url).toBe(review.lang);
    const style = await article.evaluate((el) => {
      const prose = el.querySelector('.prose')!;
      return {
        wordBreak: getComputedStyle(el).wordBreak,
        overflowWrap: getComputedStyle(el).overflowWrap,
        proseWordBreak: getComputedStyle(prose).wordBreak,
        proseOverflowWrap: getComputedStyle(prose).overflowWrap,
      };
    });
    expect(style).toEqual({ wordBreak: 'keep-all', overflowWrap: 'anywhere', proseWordBreak: 'keep-all', proseOverflowWrap: 'anywhere' });
  }
  // The Korean review's lines never end inside a word: every line box starts at a word boundary.
  await page.goto(korean.url);
  const splitWords = await page.evaluate(() => {
    const broken: string[] = [];
    for (const p of document.querySelectorAll('article .prose > p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const range = document.createRange();
        let lastTop: number | null = null;
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (!rect.height) continue;
          if (lastTop !== null && rect.top > lastTop + 2 && /[가-힣]/.test(text[i]!) && /[가-힣]/.test(text[i - 1] ?? '')) {
            broken.push(text.slice(Math.max(0, i - 4), i) + '/' + text.slice(i, i + 4));
          }
          lastTop = rect.top;
        }
      }
    }
    return broken;
  });
  expect(splitWords).toEqual([]);
  await context.close();
});

test('Pretendard is served from this site as a subset: a page loads only the ranges it uses, with font-display swap', async () => {
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(request.url());
  });
  await page.goto(korean.url);
  await page.waitForLoadState('networkidle');
  const family = await page
    .locator('main article')
    .first()
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toMatch(/^"Pretendard Variable"/);
  expect(await page.evaluate(() => document.fonts.check('16px "Pretendard Variable"', '강화 학습'))).toBe(true);
  const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('Pretendard')).map((f) => f.display));
  expect(faces.length).toBeGreaterThan(50);
  expect(new Set(faces)).toEqual(new Set(['swap']));
  expect(fonts.length).toBeGreaterThan(0);
  // A subset: far fewer files than faces, all from this origin (no CDN).
  expect(fonts.length).toBeLessThan(faces.length / 2);
  for (const url of fonts) expect(url).toMatch(new RegExp(`^${baseURL}/_next/static/media/.+\\.woff2$`));
  await context.close();
});
