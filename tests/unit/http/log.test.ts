import { describe, expect, test, vi } from 'vitest';
import { describeError, logServerError, requestIdOf } from '@/lib/http/log';

function prismaError(name: string, message: string, code?: string): Error {
  const error = new Error(message);
  error.name = name;
  if (code) Object.assign(error, { code });
  return error;
}

describe('server error log lines', () => {
  test('carry the request id, the error name and code, and no Prisma message (it echoes note text)', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const note = 'my private thoughts on GDPO';
    logServerError(
      'POST /api/notes',
      'req-123',
      prismaError('PrismaClientKnownRequestError', `Invalid \`prisma.note.create()\` invocation: { body: "${note}" }`, 'P2002'),
    );
    const line = String(spy.mock.calls[0]?.[0]);
    spy.mockRestore();
    expect(line).toMatch(/^\[error\] request=req-123 POST \/api\/notes: PrismaClientKnownRequestError code=P2002 \[at /);
    expect(line).not.toContain(note);
  });

  test('redact credentials in URLs and cut long messages', () => {
    const line = describeError(new Error(`connect failed for postgres://app:s3cret@db.internal:5432/app ${'x'.repeat(1000)}`));
    expect(line).toContain('postgres://[redacted]');
    expect(line).not.toContain('s3cret');
    expect(line.length).toBeLessThan(800);
  });

  test('take the request id only in its own shape', () => {
    expect(requestIdOf(new Headers({ 'x-request-id': 'a1b2-c3' }))).toBe('a1b2-c3');
    // No proxy in front (a prerendered path rendered on demand): Vercel's id, else a fresh one, never none.
    const vercel = 'fra1::iad1::abcde-1700000000000-0123456789ab';
    expect(requestIdOf(new Headers({ 'x-vercel-id': vercel }))).toBe(vercel);
    expect(requestIdOf(new Headers({ 'x-request-id': 'evil id; drop' }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf({})).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf({})).not.toBe(requestIdOf({}));
    expect(describeError('thrown string')).toBe('string');
  });
});
