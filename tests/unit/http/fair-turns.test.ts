import { createServer, type Server, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { nextTurn } from '@/lib/http/fair-turns';

const REQUEST = 'GET / HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n';
const KEPT_ALIVE = 30;
let server: Server | undefined;
const sockets: net.Socket[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  server?.close();
});

/** A handler with a few milliseconds of synchronous work, like a route that reads the embedded database. */
function busyServer(gate: boolean): Promise<number> {
  const answer = async (response: ServerResponse) => {
    if (gate) await nextTurn();
    const start = performance.now();
    while (performance.now() - start < 3);
    response.end('{"ok":true}');
  };
  server = createServer((_request, response) => void answer(response));
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve((server!.address() as AddressInfo).port)));
}

/** Kept-alive clients that send their next request as soon as the last is answered; counts every answer. */
function keepBusy(port: number, answered: { count: number }) {
  for (let i = 0; i < KEPT_ALIVE; i++) {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(REQUEST));
    socket.on('data', () => {
      answered.count++;
      socket.write(REQUEST);
    });
    sockets.push(socket);
  }
}

/**
 * Ten readers connect at once to a server kept busy by the others: how many
 * answers the busy clients got before the last of the ten was answered.
 */
async function answersBeforeNewcomers(gate: boolean): Promise<number> {
  const port = await busyServer(gate);
  const answered = { count: 0 };
  keepBusy(port, answered);
  await expect.poll(() => answered.count, { timeout: 30_000 }).toBeGreaterThan(KEPT_ALIVE * 5);
  const before = answered.count;
  const waits = Array.from(
    { length: 10 },
    () =>
      new Promise<number>((resolve) => {
        const newcomer = net.connect(port, '127.0.0.1', () => {
          newcomer.write(REQUEST);
          newcomer.once('data', () => resolve(answered.count - before));
        });
        sockets.push(newcomer);
      }),
  );
  return Math.max(...(await Promise.all(waits)));
}

test('readers connecting to a busy server are answered within about one round of the readers already connected', async () => {
  // Without the gate, Node accepted one connection per event-loop turn and a turn served every waiting request:
  // the last of the ten waited about one round of the others per newcomer ahead of it (some 300 answers here).
  expect(await answersBeforeNewcomers(true)).toBeLessThanOrEqual(KEPT_ALIVE * 3);
}, 60_000);

test('handlers are released in the order they arrived, one per turn', async () => {
  const order: string[] = [];
  const turns = ['a', 'b', 'c'].map((name) => nextTurn().then(() => order.push(name)));
  // Something queued for the next turn after the first release runs before the third handler.
  void turns[0]!.then(() => setImmediate(() => order.push('turn')));
  await Promise.all(turns);
  await new Promise((resolve) => setImmediate(resolve));
  expect(order.indexOf('a')).toBe(0);
  expect(order.indexOf('b')).toBe(1);
  expect(order.indexOf('turn')).toBeLessThan(order.indexOf('c'));
});
