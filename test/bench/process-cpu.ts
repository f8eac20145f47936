import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time of processes and everything they started, from /proc (Linux): the sync bench runs
 * the load, the servers and the database on the same cores, so it reports what each of them
 * costs per mutation, and with it the most the machine can carry.
 */

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  ticks: number;
}

function stat(pid: number): ProcStat | undefined {
  try {
    // Fields after the command (which may hold spaces) in parentheses: state, ppid, …
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // it has exited
  }
}

/** CPU milliseconds used so far by `roots` and all their descendants. */
export function treeCpuMs(roots: readonly number[]): number {
  const all = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s) all.set(Number(entry), s);
  }
  const inTree = new Set(roots.filter((pid) => all.has(pid)));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of all) {
      if (!inTree.has(pid) && inTree.has(s.ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let ticks = 0;
  for (const pid of inTree) ticks += all.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU milliseconds this process has used (the load generator), without its children. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The postmaster's pid of a data directory (first line of postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}
