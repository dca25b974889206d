import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { installClientAddressHook } from '@/lib/http/client-address-hook';
import { CLIENT_ADDRESS_HEADER, clientIp, resolveClientAddress } from '@/lib/http/client-ip';

describe('resolveClientAddress: the Nth hop from the right of "X-Forwarded-For, socket peer"', () => {
  test.each([
    // [X-Forwarded-For as received, socket peer, trusted proxies, client]
    [undefined, '203.0.113.9', 0, '203.0.113.9'],
    ['198.51.100.1', '203.0.113.9', 0, '203.0.113.9'], // no proxy: the header is the client's own claim
    ['1.1.1.1, 2.2.2.2', '203.0.113.9', 0, '203.0.113.9'],
    ['198.51.100.1', '10.0.0.2', 1, '198.51.100.1'], // one proxy that set the header
    ['forged, 198.51.100.1', '10.0.0.2', 1, '198.51.100.1'], // one appending proxy: the client's prefix is ignored
    ['forged, 198.51.100.1, 10.0.0.3', '10.0.0.2', 2, '198.51.100.1'], // two proxies
    [undefined, '10.0.0.2', 1, null], // a request that went around the proxy names no client
    ['198.51.100.1', '10.0.0.2', 2, null], // fewer hops than configured
    ['198.51.100.1,, 10.0.0.3', '10.0.0.2', 1, '10.0.0.3'],
    [' 198.51.100.1 ', '10.0.0.2', 1, '198.51.100.1'],
    ['', '10.0.0.2', 1, null],
    ['198.51.100.1', undefined, 0, null],
  ] as const)('%j via %s, %i trusted → %s', (forwardedFor, peer, trusted, expected) => {
    expect(resolveClientAddress(forwardedFor, peer, trusted)).toBe(expected);
  });
});

describe('clientIp', () => {
  afterEach(() => vi.unstubAllEnvs());

  test('reads only the address the server resolved, never X-Forwarded-For or X-Real-IP', () => {
    vi.stubEnv('VERCEL', '');
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' }))).toBeNull();
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '198.51.100.1' }))).toBe('203.0.113.9');
    expect(clientIp({ [CLIENT_ADDRESS_HEADER]: ['203.0.113.9'] })).toBe('203.0.113.9');
    expect(clientIp(undefined)).toBeNull();
  });

  test('on Vercel: x-vercel-forwarded-for (a proxy in front cannot overwrite it), then x-real-ip', () => {
    vi.stubEnv('VERCEL', '1');
    expect(
      clientIp(new Headers({ 'x-vercel-forwarded-for': '198.51.100.7', 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '198.51.100.8' })),
    ).toBe('198.51.100.7');
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.8' }))).toBe('198.51.100.8');
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' }))).toBeNull();
  });
});

describe('the hook on a real HTTP server', () => {
  let server: Server;
  let url: string;
  let stop = () => {};
  beforeAll(async () => {
    // Answers with the address the app would key its limits on.
    server = createServer((request, response) => response.end(String(clientIp(request.headers))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    stop();
    await new Promise((resolve) => server.close(resolve));
  });
  const seen = async (headers: Record<string, string> = {}) => (await fetch(url, { headers })).text();

  test('no trusted proxy: the socket address, whatever the client writes in the headers', async () => {
    stop = installClientAddressHook(0);
    expect(await seen()).toBe('127.0.0.1');
    expect(await seen({ 'X-Forwarded-For': '198.51.100.1' })).toBe('127.0.0.1');
    expect(await seen({ 'X-Forwarded-For': '198.51.100.1, 198.51.100.2', 'X-Real-IP': '198.51.100.3' })).toBe('127.0.0.1');
    expect(await seen({ [CLIENT_ADDRESS_HEADER]: '198.51.100.4' })).toBe('127.0.0.1');
  });

  test('one trusted proxy: the entry it appended, not the ones the client wrote before it', async () => {
    stop = installClientAddressHook(1);
    expect(await seen({ 'X-Forwarded-For': '198.51.100.1' })).toBe('198.51.100.1');
    expect(await seen({ 'X-Forwarded-For': 'forged-1, forged-2, 198.51.100.1' })).toBe('198.51.100.1');
    // Straight to the app, around the proxy: no client address, and a forged one is removed.
    expect(await seen({ [CLIENT_ADDRESS_HEADER]: '198.51.100.4' })).toBe('null');
  });
});
