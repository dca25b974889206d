import MiniSearch from 'minisearch';
import { afterEach, expect, test, vi } from 'vitest';
import { createNote, deleteNote, updateNote } from '@/lib/reader/notes';
import { NOTE_SEARCH_BUDGET_BYTES, searchNotes } from '@/lib/reader/note-search';
import { describeEachBackend, userFactory } from '@/tests/support/db';

afterEach(() => vi.restoreAllMocks());

const bodies = (result: Awaited<ReturnType<typeof searchNotes>>) => result.hits.map((hit) => hit.body).sort();

describeEachBackend('note search', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'note-search');

  test('Korean-aware like the site search: particles, spacing and English typos; only the reader’s own notes', async () => {
    const userId = await newUser();
    const other = await newUser();
    await createNote(userId, 'p1', '에이전트가 보상을 받는다');
    await createNote(userId, 'p2', '강화 학습 메모');
    await createNote(userId, 'p3', 'Transformers scale well');
    await createNote(other, 'p1', '남의 에이전트 메모');

    expect(bodies(await searchNotes(userId, '에이전트'))).toEqual(['에이전트가 보상을 받는다']);
    expect(bodies(await searchNotes(userId, '강화학습'))).toEqual(['강화 학습 메모']);
    expect(bodies(await searchNotes(userId, 'transfomer'))).toEqual(['Transformers scale well']);
    expect(bodies(await searchNotes(other, '에이전트'))).toEqual(['남의 에이전트 메모']);
    expect(await searchNotes(userId, '없는단어')).toMatchObject({ hits: [], searched: 3, total: 3 });

    const [hit] = (await searchNotes(userId, '보상')).hits;
    expect(hit).toMatchObject({ paperId: 'p1', body: '에이전트가 보상을 받는다' });
    expect(hit!.excerpt.text.slice(hit!.excerpt.ranges[0]![0], hit!.excerpt.ranges[0]![1])).toBe('보상');
  });

  test('excerpts are plain text: no Markdown syntax around the words found', async () => {
    const userId = await newUser();
    await createNote(userId, 'p1', '## 요약\n\n**보상 모델**이 [핵심](https://example.com)이다. `$x^2$` and $y$\n\n<script>x</script>');
    const [hit] = (await searchNotes(userId, '보상')).hits;
    expect(hit!.excerpt.text).toBe('요약 보상 모델이 핵심이다. $x^2$ and y');
    expect(hit!.excerpt.text.slice(hit!.excerpt.ranges[0]![0], hit!.excerpt.ranges[0]![1])).toBe('보상');
    expect((await searchNotes(userId, 'example')).hits).toEqual([]);
  });

  test('the index is kept between searches and updated by the notes that changed, even when written elsewhere', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    for (let i = 0; i < 40; i++) await createNote(userId, `p${i % 4}`, `메모 ${i} 평범한 내용`);
    const added = vi.spyOn(MiniSearch.prototype, 'add');

    await searchNotes(userId, '메모');
    expect(added).toHaveBeenCalledTimes(40);
    await searchNotes(userId, '평범');
    await searchNotes(userId, '내용');
    expect(added).toHaveBeenCalledTimes(40);

    // Written by this process.
    const fresh = await createNote(userId, 'p9', '새로운 에이전트 메모');
    expect(bodies(await searchNotes(userId, '에이전트'))).toEqual(['새로운 에이전트 메모']);
    expect(added).toHaveBeenCalledTimes(41);

    // Written by another server process (straight to the database): found, and the old text is gone.
    const [target] = await db.note.findMany({ where: { userId, body: { startsWith: '메모 7 ' } } });
    await db.note.update({ where: { id: target!.id }, data: { body: '다른 서버에서 고친 강화학습 메모' } });
    expect(bodies(await searchNotes(userId, '강화학습'))).toEqual(['다른 서버에서 고친 강화학습 메모']);
    expect(bodies(await searchNotes(userId, '메모 7'))).not.toContain('메모 7 평범한 내용');
    expect(added).toHaveBeenCalledTimes(42);

    await updateNote(userId, fresh.id, '이제 보상 이야기');
    expect(bodies(await searchNotes(userId, '에이전트'))).toEqual([]);
    await deleteNote(userId, fresh.id);
    await db.note.deleteMany({ where: { userId, body: { startsWith: '메모 1' } } });
    expect(await searchNotes(userId, '보상')).toMatchObject({ hits: [] });
    expect((await searchNotes(userId, '메모')).total).toBe(40 - 11);
  });

  test('an account larger than the search budget is searched from its most recent notes, and the answer says how many', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    // A word only note i has: two Hangul syllables (an exact bigram, no typo tolerance).
    const tag = (i: number) => `${String.fromCharCode(0xac00 + i)}표`;
    const body = (i: number) => `${tag(i)} `.padEnd(20_000, 'x');
    const bytes = Buffer.byteLength(body(0));
    const count = Math.ceil(NOTE_SEARCH_BUDGET_BYTES / bytes) + 5;
    const base = Date.UTC(2026, 0, 1);
    await db.note.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        userId,
        paperId: 'big',
        body: body(i),
        createdAt: new Date(base + i * 1000),
        updatedAt: new Date(base + i * 1000),
      })),
    });
    const newest = await searchNotes(userId, tag(count - 1));
    expect(newest).toMatchObject({ total: count, searched: Math.floor(NOTE_SEARCH_BUDGET_BYTES / bytes) });
    expect(bodies(newest)).toEqual([body(count - 1)]);
    // The oldest notes are past the budget.
    expect((await searchNotes(userId, tag(0))).hits).toEqual([]);
  });
});
