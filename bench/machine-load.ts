// How busy the rest of the machine was while we measured. The machine is shared: a phase during
// which other processes used a good part of a core is worth re-running, and the results say so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100;

/** Counters of the machine's whole disks (/proc/diskstats): writes and flushes (fsync), with their ms. */
function diskCounters(): { writes: number; writeMs: number; flushes: number; flushMs: number } {
  const total = { writes: 0, writeMs: 0, flushes: 0, flushMs: 0 };
  try {
    for (const line of readFileSync('/proc/diskstats', 'utf8').split('\n')) {
      const f = line.trim().split(/\s+/);
      if (!/^(vd[a-z]+|sd[a-z]+|xvd[a-z]+|nvme\d+n\d+)$/.test(f[2] ?? '')) continue;
      total.writes += Number(f[7] ?? 0);
      total.writeMs += Number(f[10] ?? 0);
      total.flushes += Number(f[18] ?? 0);
      total.flushMs += Number(f[19] ?? 0);
    }
  } catch {}
  return total;
}
const PF_KTHREAD = 0x00200000;

/** CPU seconds of the whole machine so far (/proc/stat): busy (incl. interrupts), interrupts, stolen. */
function machineCpu(): { busy: number; interrupts: number; steal: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return {
    busy: (user + nice + system + irq + softirq) / TICKS_PER_SECOND,
    interrupts: (irq + softirq) / TICKS_PER_SECOND,
    steal: steal / TICKS_PER_SECOND,
  };
}

interface ProcessCpu {
  /** Bytes the process caused to be written to storage so far (/proc/<pid>/io). */
  written: number;
  /** CPU seconds of the process itself. */
  own: number;
  /** Plus those of the children it has reaped (exited backends, stopped servers, finished jobs). */
  withReaped: number;
  parent: number;
  kernelThread: boolean;
}

/** Every process on the machine now. */
function allProcesses(): Map<number, ProcessCpu> {
  const all = new Map<number, ProcessCpu>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = (readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
      const own = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      const reaped = (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
      let written = 0;
      try {
        const io = readFileSync(`/proc/${entry}/io`, 'utf8');
        written = Number(/^write_bytes: (\d+)/m.exec(io)?.[1] ?? 0);
      } catch {}
      all.set(Number(entry), {
        written,
        own,
        withReaped: own + reaped,
        parent: Number(fields[1]),
        kernelThread: (Number(fields[6]) & PF_KTHREAD) !== 0,
      });
    } catch {}
  }
  return all;
}

/** The postmaster of the cluster in `dataDir` (first line of postmaster.pid), if it runs. */
export function postmasterOf(dataDir: string): number | null {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export interface CpuShare {
  seconds: number;
  /**
   * Average cores: busy on the whole machine; in this run's processes (the bench, its servers and
   * the embedded Postgres, with their exited children); in kernel threads and interrupts (mostly
   * our own I/O and loopback traffic); in every other process, what disturbs a measurement on a
   * shared machine; and stolen by the host.
   */
  machineCores: number;
  ourCores: number;
  kernelCores: number;
  otherCores: number;
  stealCores: number;
  /**
   * MB per second that every other process handed to storage (/proc/<pid>/io write_bytes): other
   * work hammering the disk slows every commit here without using much CPU.
   */
  otherWriteMBps: number;
  /**
   * The disk as the guest sees it: mean ms per write and per flush (what fsync waits for) during
   * the phase. A host-side storage hiccup shows here, and in every commit's latency.
   */
  diskWriteMs: number;
  diskFlushMs: number;
}

/**
 * Measures one phase. `ours` names the run's processes besides the bench itself: its child
 * servers (API, hello-world) and the Postgres postmaster, whose backends are its children.
 */
export function watchCpu(ours: () => { pids: number[]; postmaster: number | null }): () => CpuShare {
  const sample = () => {
    const { pids, postmaster } = ours();
    const all = allProcesses();
    // Processes that collect their children's CPU when they exit: count theirs with the reaped.
    const parents = new Set([process.pid, ...(postmaster ? [postmaster] : [])]);
    const mine = new Set([...parents, ...pids]);
    for (const [pid, p] of all) if (postmaster && p.parent === postmaster) mine.add(pid);
    const cpu = new Map<number, { value: number; written: number; kind: 'ours' | 'kernel' | 'other' }>();
    for (const [pid, p] of all) {
      const kind = mine.has(pid) ? 'ours' : p.kernelThread ? 'kernel' : 'other';
      cpu.set(pid, { value: parents.has(pid) || kind === 'other' ? p.withReaped : p.own, written: p.written, kind });
    }
    return { at: performance.now(), machine: machineCpu(), disk: diskCounters(), cpu };
  };
  const start = sample();
  return () => {
    const end = sample();
    const seconds = (end.at - start.at) / 1000;
    const used = { ours: 0, kernel: 0, other: 0 };
    const written = { ours: 0, kernel: 0, other: 0 };
    for (const [pid, now] of end.cpu) {
      const before = start.cpu.get(pid);
      const same = before && before.kind === now.kind;
      // A process started during the phase counts whole; one that ended counts with its parent.
      used[now.kind] += now.value - (same ? before.value : 0);
      written[now.kind] += Math.max(0, now.written - (same ? before.written : 0));
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    const interrupts = end.machine.interrupts - start.machine.interrupts;
    return {
      seconds: round(seconds),
      machineCores: round((end.machine.busy - start.machine.busy) / seconds),
      ourCores: round(used.ours / seconds),
      kernelCores: round((used.kernel + interrupts) / seconds),
      otherCores: round(Math.max(0, used.other) / seconds),
      stealCores: round((end.machine.steal - start.machine.steal) / seconds),
      otherWriteMBps: round(written.other / 1e6 / seconds),
      diskWriteMs: round((end.disk.writeMs - start.disk.writeMs) / Math.max(1, end.disk.writes - start.disk.writes)),
      diskFlushMs: round((end.disk.flushMs - start.disk.flushMs) / Math.max(1, end.disk.flushes - start.disk.flushes)),
    };
  };
}
