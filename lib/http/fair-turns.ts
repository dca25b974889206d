/**
 * One waiting route handler released per turn of the event loop, in arrival
 * order. Node (libuv 1.46+) accepts one new connection per turn; under load a
 * turn ran every request that had arrived, so a reader opening a connection
 * waited one whole round of everyone else's requests per connection ahead of
 * them: seconds, not milliseconds (bench/RESULTS.md, bench:api:fastpath).
 * Releasing one handler per turn keeps turns short, so new connections are
 * accepted at the rate requests are served. Idle, it costs one setImmediate.
 */
const waiting: (() => void)[] = [];
let scheduled = false;

function releaseOne() {
  const release = waiting.shift();
  if (!release) {
    scheduled = false;
    return;
  }
  release();
  // Queued from the check phase, so it runs in the next turn, after that turn's I/O.
  setImmediate(releaseOne);
}

/** Resolves when it is this caller's turn. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(releaseOne);
    }
  });
}
