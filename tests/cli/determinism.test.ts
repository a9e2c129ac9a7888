import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.js';

/** Enough files (over 150 per thread) that --jobs 3 and 4 really extract in worker threads (one core is left to V8). */
function makeLargeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ssot-det-'));
  for (let i = 0; i < 60; i++) {
    cpSync(path.join(repoRoot, 'fixtures/incident/src'), path.join(dir, `pkg${String(i).padStart(3, '0')}`), { recursive: true });
  }
  return dir;
}

describe('deterministic output and the facts cache', () => {
  let project: string;
  beforeAll(() => {
    project = makeLargeProject();
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('is byte-identical across runs and levels of parallelism', () => {
    const outputs = [1, 3, 3, 4].map((jobs) => runCli(['.', '--format', 'json', '--no-cache', '--jobs', String(jobs)], { cwd: project }));
    expect(outputs[0]!.status).toBe(1);
    expect(JSON.parse(outputs[0]!.stdout).findings.length).toBeGreaterThan(300);
    for (const output of outputs.slice(1)) {
      expect(output.status).toBe(outputs[0]!.status);
      expect(output.stdout).toBe(outputs[0]!.stdout);
    }
  });

  it('gives the same output from a warm cache, and sees changed files', () => {
    const cache = path.join(project, '.ssot-cache');
    const cold = runCli(['.', '--format', 'json', '--no-cache'], { cwd: project });
    const priming = runCli(['.', '--format', 'json', '--cache-location', cache], { cwd: project });
    expect(readdirSync(cache).some((name) => name.startsWith('no-duplicate-helpers-'))).toBe(true);
    const warm = runCli(['.', '--format', 'json', '--cache-location', cache], { cwd: project });
    expect(priming.stdout).toBe(cold.stdout);
    expect(warm.stdout).toBe(cold.stdout);

    writeFileSync(path.join(project, 'pkg000/websocket_core/utils.ts'), 'export const nothing = 0;\n');
    const changed = runCli(['.', '--format', 'json', '--cache-location', cache], { cwd: project });
    const uncached = runCli(['.', '--format', 'json', '--no-cache'], { cwd: project });
    expect(changed.stdout).toBe(uncached.stdout);
    expect(changed.stdout).not.toBe(cold.stdout);
  });

  it('writes the default cache under node_modules/.cache/ssot, else in the user cache folder, and never with --no-cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ssot-cache-'));
    const userCache = mkdtempSync(path.join(tmpdir(), 'ssot-user-cache-'));
    const env = { XDG_CACHE_HOME: userCache };
    cpSync(path.join(repoRoot, 'fixtures/cli/two-copies'), dir, { recursive: true });
    runCli(['.', '--no-cache'], { cwd: dir, env });
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    expect(readdirSync(userCache)).toEqual([]);
    // A checkout without node_modules does not get one.
    runCli(['.'], { cwd: dir, env });
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    expect(readdirSync(path.join(userCache, 'ssot'))).toHaveLength(1);
    mkdirSync(path.join(dir, 'node_modules'));
    runCli(['.'], { cwd: dir, env });
    expect(existsSync(path.join(dir, 'node_modules/.cache/ssot'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    rmSync(userCache, { recursive: true, force: true });
  });
});
