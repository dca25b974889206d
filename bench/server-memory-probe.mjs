// What a benchmark's server is holding in memory, from inside it. Loaded only
// by the benchmarks, into the server they start (NODE_OPTIONS=--import this
// file, BENCH_MEMORY_REPORT=<file>); the app itself has no such hook. On
// SIGUSR2 it writes one JSON report: process.memoryUsage(), V8's heap spaces
// and the resident memory by kind of mapping (/proc/self/smaps), then the
// same after a full garbage collection, so the report tells memory the
// server still uses from garbage V8 has not given back yet. With
// BENCH_HEAP_SNAPSHOT=<file> it also writes a heap snapshot after that GC.
import { readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

const reportPath = process.env.BENCH_MEMORY_REPORT;
const MB = 2 ** 20;

/**
 * Resident MB by kind of mapping: the main malloc heap, files (node's own code,
 * native modules), and anonymous memory, which holds V8's heap, WebAssembly
 * memories (PGlite's Postgres), malloc's other arenas and thread stacks alike;
 * its largest mappings are listed ([resident, size] MB) so a reader can tell a
 * 128 MB WebAssembly memory or 64 MB malloc arenas from V8's small pages.
 */
function residentByKind() {
  const kinds = { mallocHeap: 0, files: 0, anonymous: 0, largestAnonymous: [] };
  const anonymous = [];
  let current = null;
  let size = 0;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      current = header[3].trim();
      size = (parseInt(header[2], 16) - parseInt(header[1], 16)) / MB;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const mb = Number(rss[1]) / 1024;
    if (current === '[heap]') kinds.mallocHeap += mb;
    else if (current && !current.startsWith('[')) kinds.files += mb;
    else {
      kinds.anonymous += mb;
      anonymous.push([Math.round(mb), Math.round(size)]);
    }
  }
  kinds.largestAnonymous = anonymous.sort((a, b) => b[0] - a[0]).slice(0, 8);
  for (const key of ['mallocHeap', 'files', 'anonymous']) kinds[key] = Math.round(kinds[key]);
  return kinds;
}

function snapshot() {
  const usage = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / MB)]));
  const spaces = Object.fromEntries(
    v8
      .getHeapSpaceStatistics()
      .map((s) => [s.space_name, { physicalMb: Math.round(s.physical_space_size / MB), usedMb: Math.round(s.space_used_size / MB) }]),
  );
  return { usage, spaces, resident: residentByKind() };
}

if (reportPath) {
  // gc() without starting the server with --expose-gc (which would also change how it runs).
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  process.on('SIGUSR2', () => {
    const before = snapshot();
    gc();
    // Freed WebAssembly memories and array buffers are unmapped off the main thread: read after they are.
    setTimeout(() => {
      const afterGc = snapshot();
      const snapshotPath = process.env.BENCH_HEAP_SNAPSHOT;
      if (snapshotPath) v8.writeHeapSnapshot(snapshotPath);
      writeFileSync(reportPath, JSON.stringify({ pid: process.pid, before, afterGc }));
    }, 1000);
  });
}
