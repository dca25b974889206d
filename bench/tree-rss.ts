// Resident memory of a process tree, shared by the benchmarks that report peak or final memory.
import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory (MB) of a process and all its descendants, from /proc. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // the process ended while being read
    }
  };
  visit(pid);
  return kb / 1024;
}
