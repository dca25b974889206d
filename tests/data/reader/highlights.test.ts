import type * as nextAuth from 'next-auth';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  createHighlight,
  deleteHighlight,
  listAllHighlights,
  listHighlightsForPaper,
  listHighlightsForReview,
  presentHighlight,
  updateHighlight,
  type NewHighlight,
} from '@/lib/reader/highlights';
import { MAX_HIGHLIGHTS } from '@/lib/reader/shared';
import { writeContent } from '@/tests/support/content';
import { describeEachBackend, userFactory } from '@/tests/support/db';

// The routes read the session through NextAuth's getServerSession; here the signed-in reader is whoever the test says.
const session = vi.hoisted(() => ({ user: null as { id: string; email: string | null; name: string | null } | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof nextAuth>()),
  getServerSession: () => Promise.resolve(session.user ? { user: session.user, expires: '2100-01-01T00:00:00.000Z' } : null),
}));

const REVIEW = 'papers/y2025/nov/20251121';
const OTHER_REVIEW = 'papers/y2025/nov/20251114';
const SAM = 'arxiv:2511.16624';
const ELSEWHERE = 'arxiv:2510.00001';

const REVIEW_TEXT = [
  '---',
  'title: Weekly review, Nov 21',
  'date: 2025-11-21',
  '---',
  '',
  'This week brings two papers about seeing in three dimensions.',
  '',
  '## 1. [SAM 3D](https://arxiv.org/abs/2511.16624) `Meta`',
  '',
  'SAM 3D reconstructs **whole objects** from a single image, even when they are partly hidden.',
  '',
  'The geometry model is trained in stages.',
  '',
  '## 2. [DINOv3](https://arxiv.org/abs/2508.10104) `Meta`',
  '',
  'Self-supervised features that stay sharp at high resolution.',
  '',
].join('\n');

beforeAll(() => {
  vi.stubEnv(
    'CONTENT_DIR',
    writeContent({
      [`${REVIEW}.md`]: REVIEW_TEXT,
      [`${OTHER_REVIEW}.md`]: [
        '---',
        'title: Weekly review, Nov 14',
        'date: 2025-11-14',
        '---',
        '',
        '## 1. [Other](https://arxiv.org/abs/2510.00001)',
        '',
        'Other text.',
        '',
      ].join('\n'),
    }),
  );
});
afterAll(() => vi.unstubAllEnvs());

const input = (over: Partial<NewHighlight> = {}): NewHighlight => ({
  review: REVIEW,
  paperId: SAM,
  quote: { exact: 'whole objects', prefix: 'SAM 3D reconstructs ', suffix: ' from a single image' },
  position: { start: 120, end: 133 },
  color: 'yellow',
  note: null,
  ...over,
});

describeEachBackend('highlights', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'highlights');

  test('create, list by review and paper, edit the note and color, delete', async () => {
    const reader = await newUser();
    const made = await createHighlight(reader, input({ note: 'Key **claim**' }));
    const intro = await createHighlight(
      reader,
      input({ paperId: null, quote: { exact: 'two papers', prefix: 'brings ', suffix: ' about' }, position: { start: 16, end: 26 } }),
    );
    expect((await listHighlightsForReview(reader, REVIEW)).map((h) => h.id)).toEqual([intro.id, made.id]);
    expect((await listHighlightsForPaper(reader, SAM)).map((h) => h.id)).toEqual([made.id]);
    const view = await presentHighlight(made);
    expect(view).toMatchObject({
      review: REVIEW,
      paperId: SAM,
      quote: { exact: 'whole objects', prefix: 'SAM 3D reconstructs ', suffix: ' from a single image' },
      position: { start: 120, end: 133 },
      color: 'yellow',
      note: 'Key **claim**',
      noteHtml: '<p>Key <strong>claim</strong></p>',
    });

    const edited = await updateHighlight(reader, made.id, { note: 'Changed <script>alert(1)</script>', color: 'green' });
    expect(edited).toMatchObject({ note: 'Changed <script>alert(1)</script>', color: 'green' });
    // Raw HTML is dropped as in notes: the tag goes, its text stays as text.
    expect((await presentHighlight(edited!)).noteHtml).toBe('<p>Changed alert(1)</p>');
    expect(await updateHighlight(reader, made.id, { note: null })).toMatchObject({ note: null, color: 'green' });

    expect(await deleteHighlight(reader, made.id)).toBe(true);
    expect(await deleteHighlight(reader, made.id)).toBe(false);
    expect((await listAllHighlights(reader)).map((h) => h.id)).toEqual([intro.id]);
  });

  test('an unknown review, or a paper not in that review, is refused by name', async () => {
    const reader = await newUser();
    await expect(createHighlight(reader, input({ review: 'papers/y2025/nov/nope' }))).rejects.toMatchObject({
      status: 400,
      message: 'review: no review here has the slug "papers/y2025/nov/nope".',
    });
    await expect(createHighlight(reader, input({ paperId: ELSEWHERE }))).rejects.toMatchObject({
      status: 400,
      message: `paperId: "${ELSEWHERE}" is not a paper of the review "${REVIEW}".`,
    });
    expect(await listAllHighlights(reader)).toEqual([]);
  });
});

test('the limit is 5,000', () => expect(MAX_HIGHLIGHTS).toBe(5_000));
