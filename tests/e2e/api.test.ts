import { beforeAll, describe, expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { Reader } from '@/tests/e2e/client';

const index = buildIndex(undefined, undefined, { drafts: false });
const [p1, p2] = index.papers.map((paper) => paper.paperId) as [string, string];

type State = { user: { id: string } | null; bookmarks: string[]; statuses: Record<string, string>; noteCounts: Record<string, number> };

describe.each(inject('servers'))('API on $backend', ({ baseURL }) => {
  let alice: Reader;
  let bob: Reader;
  let aliceNoteId: string;
  let aliceListId: string;
  const secret = 'Alice private thoughts about the paper';

  beforeAll(async () => {
    alice = await new Reader(baseURL).signUp();
    bob = await new Reader(baseURL).signUp();
    expect((await alice.json('PUT', '/api/bookmarks', { paperId: p1, bookmarked: true })).status).toBe(200);
    expect((await alice.json('PUT', '/api/status', { paperId: p1, status: 'READ' })).status).toBe(200);
    const created = await alice.json<{ note: { id: string; body: string } }>('POST', '/api/notes', { paperId: p1, body: secret });
    expect(created.status).toBe(201);
    aliceNoteId = created.data.note.id;
    const list = await alice.json<{ collection: { id: string } }>('POST', '/api/collections', { name: `Alice list ${secret}` });
    expect(list.status).toBe(201);
    aliceListId = list.data.collection.id;
    expect((await alice.json('PUT', `/api/collections/${aliceListId}/papers`, { paperId: p2, included: true })).status).toBe(200);
  });

  /** Alice's data as Alice sees it, to compare before and after each attack. */
  async function aliceData() {
    const state = (await alice.json<State>('GET', '/api/reader/state')).data;
    const notes = (
      await alice.json<{ notes: { id: string; body: string; updatedAt: string }[] }>('GET', `/api/notes?paperId=${encodeURIComponent(p1)}`)
    ).data.notes;
    const list = (await alice.json<{ items: unknown[] }>('GET', '/api/bookmarks')).data.items;
    const collections = (await alice.json<{ collections: unknown[] }>('GET', `/api/collections?paperId=${encodeURIComponent(p2)}`)).data
      .collections;
    return { bookmarks: state.bookmarks, statuses: state.statuses, noteCounts: state.noteCounts, notes, list, collections };
  }

  describe('authorization matrix: another reader gets nothing of Alice’s', () => {
    test('reads', async () => {
      expect((await bob.json('GET', '/api/bookmarks')).data).toMatchObject({ items: [], total: 0 });
      expect((await bob.json('GET', `/api/notes?paperId=${encodeURIComponent(p1)}`)).data).toEqual({ notes: [], earlier: null });
      const state = (await bob.json<State>('GET', '/api/reader/state')).data;
      expect([state.bookmarks, state.statuses, state.noteCounts]).toEqual([[], {}, {}]);
      expect((await bob.json('GET', '/api/collections')).data).toEqual({ collections: [] });
      expect((await bob.json('GET', `/api/collections?paperId=${encodeURIComponent(p2)}`)).data).toEqual({ collections: [] });
      for (const page of ['/bookmarks', '/notes', '/library', `/library?collection=${aliceListId}`]) {
        const html = await (await bob.request('GET', page)).text();
        expect(html).not.toContain(secret);
        expect(html).not.toContain(`data-bookmark-item="${p1}"`);
        expect(html).not.toContain(`data-library-item="${p2}"`);
      }
      // The list of /library and /bookmarks: Bob's own (empty), whatever collection id he names.
      for (const query of ['view=bookmarks', 'view=library', `collection=${aliceListId}`]) {
        const { status, data } = await bob.json<{ items: unknown[]; total: number; collections: unknown[] }>(
          'GET',
          `/api/library?${query}`,
        );
        expect({ status, items: data.items, total: data.total, collections: data.collections }, query).toEqual({
          status: 200,
          items: [],
          total: 0,
          collections: [],
        });
      }
      for (const query of ['', `&collection=${aliceListId}`]) {
        const md = await (await bob.request('GET', `/api/export?format=md${query}`)).text();
        expect(md).toMatch(/· 0 papers\n$/);
      }
    });

    test('writes to Alice’s note are 404 and change nothing', async () => {
      const before = await aliceData();
      const patch = await bob.json('PATCH', `/api/notes/${aliceNoteId}`, { body: 'hijacked' });
      expect(patch).toEqual({ status: 404, data: { error: 'Note not found.' } });
      expect((await bob.json('DELETE', `/api/notes/${aliceNoteId}`)).status).toBe(404);
      // Bob's own writes on the same paper stay his.
      await bob.json('PUT', '/api/bookmarks', { paperId: p1, bookmarked: false });
      await bob.json('PUT', '/api/status', { paperId: p1, status: null });
      expect(await aliceData()).toEqual(before);
    });

    test('Alice’s collection is 404 to Bob, for every write, exactly as a missing one', async () => {
      const before = await aliceData();
      const missing = 'cmissingcollection0000000';
      for (const id of [aliceListId, missing]) {
        expect(await bob.json('PATCH', `/api/collections/${id}`, { name: 'hijacked' })).toEqual({
          status: 404,
          data: { error: 'Collection not found.' },
        });
        expect(await bob.json('PUT', `/api/collections/${id}/papers`, { paperId: p1, included: true })).toEqual({
          status: 404,
          data: { error: 'Collection not found.' },
        });
        expect(await bob.json('PUT', `/api/collections/${id}/papers`, { paperId: p2, included: false })).toEqual({
          status: 404,
          data: { error: 'Collection not found.' },
        });
        expect(await bob.json('DELETE', `/api/collections/${id}`)).toEqual({ status: 404, data: { error: 'Collection not found.' } });
      }
      // Bob making a collection of the same name makes his own.
      const own = await bob.json<{ collection: { id: string } }>('POST', '/api/collections', { name: `Alice list ${secret}` });
      expect(own.status).toBe(201);
      expect(own.data.collection.id).not.toBe(aliceListId);
      expect((await bob.json('DELETE', `/api/collections/${own.data.collection.id}`)).status).toBe(200);
      expect(await aliceData()).toEqual(before);
    });

    test('collections: bad input is a 400 that names it; another site’s Origin is refused', async () => {
      expect(await alice.json('POST', '/api/collections', { name: '' })).toEqual({
        status: 400,
        data: { error: expect.stringContaining('Give the collection a name.') },
      });
      expect((await alice.json('POST', '/api/collections', { name: 'x', extra: 1 })).status).toBe(400);
      expect(await alice.json('PATCH', '/api/collections/not-an-id', { name: 'x' })).toEqual({
        status: 400,
        data: { error: 'Invalid collection id.' },
      });
      expect(
        await alice.json('PUT', `/api/collections/${aliceListId}/papers`, { paperId: 'arxiv:0000.00000', included: true }),
      ).toMatchObject({
        status: 404,
        data: { error: expect.stringContaining('Unknown paper') },
      });
      expect(await alice.json('POST', '/api/collections', { name: `Alice list ${secret}` })).toMatchObject({ status: 409 });
      const crossSite = await alice.request('POST', '/api/collections', {
        json: { name: 'csrf' },
        headers: { Origin: 'https://evil.example' },
      });
      expect(crossSite.status).toBe(403);
      expect(
        (await alice.json<{ collections: { name: string }[] }>('GET', '/api/collections')).data.collections.map((c) => c.name),
      ).toEqual([`Alice list ${secret}`]);
    });

    test('the library list: a parameter it does not understand is a 400 naming each; a good one reads only her rows', async () => {
      const bad = await alice.json<{ error: string; issues: { parameter: string }[] }>(
        'GET',
        '/api/library?status=DONE&sort=newest&page=0',
      );
      expect(bad.status).toBe(400);
      expect(bad.data.error).toMatch(/^Invalid query: /);
      expect(bad.data.issues.map((issue) => issue.parameter).sort()).toEqual(['page', 'sort', 'status']);
      const { status, data } = await alice.json<{ items: { paperId: string }[]; collections: { name: string }[]; total: number }>(
        'GET',
        `/api/library?collection=${aliceListId}`,
      );
      expect({ status, ids: data.items.map((item) => item.paperId), total: data.total }).toEqual({ status: 200, ids: [p2], total: 1 });
      expect(data.collections.map((c) => c.name)).toEqual([`Alice list ${secret}`]);
    });

    test('signed-out requests are refused', async () => {
      const anonymous = new Reader(baseURL);
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/bookmarks'],
        ['GET', '/api/library?view=bookmarks'],
        ['GET', '/api/library?status=READ'],
        ['PUT', '/api/bookmarks', { paperId: p1, bookmarked: true }],
        ['PUT', '/api/status', { paperId: p1, status: 'READ' }],
        ['GET', `/api/notes?paperId=${encodeURIComponent(p1)}`],
        ['POST', '/api/notes', { paperId: p1, body: 'x' }],
        ['PATCH', `/api/notes/${aliceNoteId}`, { body: 'x' }],
        ['DELETE', `/api/notes/${aliceNoteId}`],
        ['GET', '/api/collections'],
        ['POST', '/api/collections', { name: 'x' }],
        ['PATCH', `/api/collections/${aliceListId}`, { name: 'x' }],
        ['DELETE', `/api/collections/${aliceListId}`],
        ['PUT', `/api/collections/${aliceListId}/papers`, { paperId: p1, included: true }],
        ['DELETE', '/api/account', { confirm: 'DELETE' }],
      ];
      for (const [method, path, body] of calls) {
        expect(await anonymous.json(method, path, body), `${method} ${path}`).toEqual({
          status: 401,
          data: { error: 'Sign in to do this.' },
        });
      }
      // /library and /bookmarks are prerendered shells: their island sends a signed-out visitor to sign in (tests/e2e/paper-pages.test.ts).
      expect((await anonymous.json<State>('GET', '/api/reader/state')).data.user).toBeNull();
    });
  });

  describe('bad input gets a clear 4xx and stores nothing', () => {
    test.each([
      { name: 'empty body', init: { body: '', headers: { 'Content-Type': 'application/json' } }, status: 400, error: /not valid JSON/ },
      {
        name: 'malformed JSON',
        init: { body: '{"paperId":', headers: { 'Content-Type': 'application/json' } },
        status: 400,
        error: /not valid JSON/,
      },
      {
        name: 'not JSON at all',
        init: { body: 'paperId=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
        status: 415,
        error: /application\/json/,
      },
      { name: 'wrong types', init: { json: { paperId: 42, bookmarked: 'yes' } }, status: 400, error: /paperId: .*; bookmarked: / },
      {
        name: 'extra fields',
        init: { json: { paperId: 'arxiv:1', bookmarked: true, userId: 'someone-else' } },
        status: 400,
        error: /Unrecognized key/,
      },
      {
        name: 'unknown paper id',
        init: { json: { paperId: 'arxiv:0000.00000', bookmarked: true } },
        status: 404,
        error: /Unknown paper "arxiv:0000\.00000"/,
      },
      { name: 'huge body', init: { json: { paperId: 'x'.repeat(300 * 1024), bookmarked: true } }, status: 413, error: /larger than/ },
    ])('$name', async ({ init, status, error }) => {
      const before = await aliceData();
      const response = await alice.request('PUT', '/api/bookmarks', init);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(error);
      expect(await aliceData()).toEqual(before);
    });

    test('a note over 20,000 characters is refused by name, never truncated', async () => {
      const before = await aliceData();
      const response = await alice.json('POST', '/api/notes', { paperId: p1, body: '가'.repeat(20_001) });
      expect(response).toEqual({ status: 400, data: { error: 'Invalid request: body: Note is 20001 characters; the limit is 20000.' } });
      expect(await aliceData()).toEqual(before);
      const exact = await alice.json<{ note: { id: string; body: string } }>('POST', '/api/notes', {
        paperId: p2,
        body: '가'.repeat(20_000),
      });
      expect(exact.status).toBe(201);
      expect(exact.data.note.body).toHaveLength(20_000);
      expect((await alice.json('DELETE', `/api/notes/${exact.data.note.id}`)).status).toBe(200);
    });

    test('a script-laden note is stored as written and served sanitized', async () => {
      const body = '**bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))';
      const { data } = await alice.json<{ note: { id: string; body: string; html: string } }>('POST', '/api/notes', { paperId: p2, body });
      expect(data.note.body).toBe(body);
      expect(data.note.html).toContain('<strong>bold</strong>');
      expect(data.note.html).not.toMatch(/<script|onerror|javascript:/i);
      const page = await (await alice.request('GET', '/notes')).text();
      expect(page).not.toMatch(/<script>alert|onerror=|href="javascript:/i);
      await alice.json('DELETE', `/api/notes/${data.note.id}`);
    });

    test('empty note, NUL character, bad status value, bad note id', async () => {
      expect(await alice.json('POST', '/api/notes', { paperId: p1, body: 'a\u0000b' })).toEqual({
        status: 400,
        data: { error: 'Invalid request: body: A note cannot contain NUL (\\u0000) characters.' },
      });
      expect(await alice.json('POST', '/api/notes', { paperId: p1, body: '   ' })).toEqual({
        status: 400,
        data: { error: 'Invalid request: body: A note cannot be empty.' },
      });
      expect((await alice.json('PUT', '/api/status', { paperId: p1, status: 'DONE' })).status).toBe(400);
      expect((await alice.json('PATCH', `/api/notes/${'x'.repeat(100)}`, { body: 'x' })).status).toBe(400);
      expect((await alice.json('GET', '/api/bookmarks?page=-1')).status).toBe(400);
    });

    test('a forged cross-site request is refused before anything runs', async () => {
      const before = await aliceData();
      for (const origin of ['https://evil.example', 'null']) {
        const response = await alice.request('PUT', '/api/bookmarks', {
          json: { paperId: p2, bookmarked: true },
          headers: { Origin: origin },
        });
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: string }).error).toMatch(/Cross-site request refused/);
      }
      expect(await aliceData()).toEqual(before);
    });
  });

  describe('accounts', () => {
    test('sign-in errors are generic; repeated failures from one address are refused for that account', async () => {
      const stranger = new Reader(baseURL, `nobody-${Date.now()}@example.com`);
      expect(await stranger.trySignIn()).toBe('CredentialsSignin');
      const victim = await new Reader(baseURL).signUp();
      victim.signOut();
      for (let i = 0; i < 5; i++) expect(await victim.trySignIn('wrong password')).toBe('CredentialsSignin');
      expect(await victim.trySignIn()).toBe('RateLimited');
    });

    test('sign-ups are limited per address: the 11th in an hour gets 429 with Retry-After, and no account', async () => {
      const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
      const fromThere = () => Object.assign(new Reader(baseURL), { address });
      for (let i = 0; i < 10; i++)
        expect((await fromThere().json('POST', '/api/signup', { email: fromThere().email, password: 'long enough pw' })).status).toBe(201);
      const blocked = fromThere();
      const response = await blocked.request('POST', '/api/signup', { json: { email: blocked.email, password: 'long enough pw' } });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(3000);
      expect(await response.json()).toEqual({ error: 'Too many accounts were created from this network. Try again in 60 minutes.' });
      expect(await blocked.trySignIn()).toBe('CredentialsSignin');
      // Another address is not affected.
      await new Reader(baseURL).signUp();
    });

    test('deleting one’s account removes all of one’s data', async () => {
      const leaving = await new Reader(baseURL).signUp();
      await leaving.json('PUT', '/api/bookmarks', { paperId: p1, bookmarked: true });
      await leaving.json('POST', '/api/notes', { paperId: p1, body: 'bye' });
      expect((await leaving.json('DELETE', '/api/account', { confirm: 'nope' })).status).toBe(400);
      expect(await leaving.json('DELETE', '/api/account', { confirm: 'DELETE' })).toEqual({ status: 200, data: { deleted: true } });
      // The response also ends the session: the next request is signed out.
      expect((await leaving.json('GET', '/api/bookmarks')).status).toBe(401);
      leaving.signOut();
      expect(await leaving.trySignIn()).toBe('CredentialsSignin');
    });

    test('reader responses are never stored by shared caches', async () => {
      for (const path of ['/api/reader/state', '/api/bookmarks']) {
        expect((await alice.request('GET', path)).headers.get('cache-control')).toBe('private, no-store');
      }
    });
  });
});
