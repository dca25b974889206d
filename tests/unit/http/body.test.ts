import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_DEPTH, readJson } from '@/lib/http/body';

const post = (body: BodyInit, type = 'application/json') =>
  new Request('http://app.test/api/x', { method: 'POST', body, headers: { 'Content-Type': type } });
const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;
const anything = z.unknown();

describe('readJson', () => {
  test('a 10 MB body of nested brackets is refused by its depth, before JSON.parse', async () => {
    const body = nested(5 * 1024 * 1024);
    expect(body.length).toBe(10 * 1024 * 1024);
    await expect(readJson(post(body), anything, { maxBytes: 20 * 1024 * 1024, what: 'The import file' })).rejects.toMatchObject({
      status: 400,
      message: `The import file nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`,
    });
  });

  test('objects count as levels too; exactly the limit is accepted', async () => {
    const objects = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
    await expect(readJson(post(objects(MAX_JSON_DEPTH + 1)), anything)).rejects.toMatchObject({ status: 400 });
    await expect(readJson(post(objects(MAX_JSON_DEPTH)), anything)).resolves.toBeTypeOf('object');
    await expect(readJson(post(nested(MAX_JSON_DEPTH)), anything)).resolves.toBeInstanceOf(Array);
    await expect(readJson(post(`[${nested(MAX_JSON_DEPTH, '{"x":[', ']}')}]`), anything)).rejects.toMatchObject({ status: 400 });
  });

  test('brackets inside strings, escaped quotes included, are text, not nesting', async () => {
    const text = `he said \\"${'['.repeat(1_000)}\\" and {}`;
    const body = `{"note":"${text}","list":[1,[2]]}`;
    expect(await readJson(post(body), z.object({ note: z.string(), list: z.array(z.unknown()) }))).toEqual({
      note: `he said "${'['.repeat(1_000)}" and {}`,
      list: [1, [2]],
    });
    // A backslash at the end of a string does not escape its closing quote.
    expect(await readJson(post('["a\\\\",[[]]]'), anything)).toEqual(['a\\', [[]]]);
  });

  test('malformed, oversized and mistyped bodies keep their own messages', async () => {
    await expect(readJson(post('{"a":'), anything)).rejects.toMatchObject({ status: 400, message: 'Request body is not valid JSON.' });
    await expect(readJson(post(']]]]'), anything)).rejects.toMatchObject({ status: 400, message: 'Request body is not valid JSON.' });
    await expect(readJson(post('x'.repeat(300)), anything, { maxBytes: 100 })).rejects.toMatchObject({ status: 413 });
    await expect(readJson(post('{}', 'text/plain'), anything)).rejects.toMatchObject({ status: 415 });
  });

  test('a chunked body over the limit is 413 even without Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request('http://app.test/api/import', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    await expect(readJson(request, anything, { maxBytes: 1024 * 1024, what: 'The import file' })).rejects.toMatchObject({
      status: 413,
      message: 'The import file is larger than 1 MB.',
    });
  });
});
