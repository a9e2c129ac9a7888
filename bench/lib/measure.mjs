// Runs one command and measures its wall time and peak resident memory.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, the child's ru_maxrss as wait4 reports it). Without
// GNU time we poll /proc/<pid>/status for VmHWM (the kernel's own high-water mark), which can miss only
// what the process allocates in the last poll interval before it exits.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

function hasGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
}

export const rssMethod = hasGnuTime() ? 'GNU time %M (ru_maxrss)' : '/proc/<pid>/status VmHWM polling';
const useGnuTime = rssMethod.startsWith('GNU');

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, stdoutFile?: string, timeoutMs?: number }} opts
 * @returns {Promise<{ wallMs: number, rssKb: number | null, cpuS: number | null, code: number | null, signal: string | null, stdoutFile: string, stderr: string }>}
 */
export async function measure(cmd, args, opts) {
  const scratch = mkdtempSync(join(tmpdir(), 'ssot-bench-run-'));
  const stdoutFile = opts.stdoutFile ?? join(scratch, 'stdout');
  const stderrFile = join(scratch, 'stderr');
  const timeFile = join(scratch, 'time');
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const [file, argv] = useGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];

  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', out, err] });
  let hwmKb = 0;
  const poller = useGnuTime ? null : setInterval(() => { hwmKb = Math.max(hwmKb, readHwmKb(child.pid)); }, 20);
  const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
  const { code, signal } = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, s) => resolve({ code: c, signal: s }));
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (poller) clearInterval(poller);
  if (timer) clearTimeout(timer);
  closeSync(out);
  closeSync(err);

  let rssKb = useGnuTime ? null : hwmKb || null;
  let cpuS = null;
  let stderr = readFileSync(stderrFile, 'utf8');
  if (useGnuTime && existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the value when the child fails.
    const [maxRss, user, system] = (readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    rssKb = Number.isFinite(maxRss) ? maxRss : null;
    cpuS = Number.isFinite(user) && Number.isFinite(system) ? user + system : null;
  }
  if (!opts.stdoutFile) {
    // Callers that did not ask for stdout get a short excerpt for error messages only.
    stderr = stderr || readFileSync(stdoutFile, 'utf8').slice(0, 2000);
  }
  rmSync(scratch, { recursive: true, force: true });
  return { wallMs, rssKb, cpuS, code, signal, stdoutFile, stderr };
}

function readHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values, p) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}
