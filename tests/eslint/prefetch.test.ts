import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// The compiled plugin: the worker thread that prefetches facts runs compiled code only.
import ssot from '../../dist/index.js';
import { prefetchedCount, resetSessions } from '../../dist/eslint/session.js';
import { cliRows, eslintRows, incident } from './support.js';

const TYPES = 'src/websocket_core/types.ts';
const UTILS = 'src/websocket_core/utils.ts';
const MANAGER = 'src/websocket_core/manager.ts';

let project: string;
let eslint: ESLint;

beforeEach(() => {
  resetSessions();
  project = mkdtempSync(path.join(tmpdir(), 'ssot-prefetch-'));
  cpSync(incident, project, { recursive: true });
  eslint = new ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [ssot.configs.recommended as Linter.Config, { settings: { ssot: { cache: false } }, linterOptions: { reportUnusedDisableDirectives: 'off' } }],
  });
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(project, file), 'utf8');

async function lintBuffer(file: string, text: string): Promise<string[]> {
  return eslintRows(project, await eslint.lintText(text, { filePath: path.join(project, file) }));
}

async function cliAfterSaving(file: string, text: string): Promise<string[]> {
  const saved = mkdtempSync(path.join(tmpdir(), 'ssot-saved-'));
  try {
    cpSync(project, saved, { recursive: true });
    writeFileSync(path.join(saved, file), text);
    return (await cliRows(saved)).filter((r) => r.includes(` ${file}:`)).sort();
  } finally {
    rmSync(saved, { recursive: true, force: true });
  }
}

/** Lints `file` after each edit and checks the findings against the CLI's on the saved text. */
async function typeInto(file: string, steps: Array<(text: string) => string>): Promise<void> {
  let text = read(file);
  expect(await lintBuffer(file, text)).toEqual(await cliAfterSaving(file, text));
  for (const [i, step] of steps.entries()) {
    const next = step(text);
    expect(next, `edit ${i + 1} changes the text`).not.toBe(text);
    text = next;
    expect(await lintBuffer(file, text), `after edit ${i + 1}`).toEqual(await cliAfterSaving(file, text));
  }
}

describe('facts of re-linted buffers extracted in a worker thread', () => {
  it('are the facts the rules would extract: findings after each edit are the CLI’s, and the worker served them', async () => {
    const served = prefetchedCount();
    await typeInto(TYPES, [
      (t) => `// a comment on top\n${t}`,
      (t) => `${t}\nexport const ssotEdit = 1;\n`,
      // The alias the sender needs: the unhandled-type finding's counterpart changes.
      (t) => t.replace('agent_start: MessageType.START_AGENT,', 'agent_start: MessageType.START_AGENT,\n  execute_agent: MessageType.START_AGENT,'),
      (t) => t.replace('// a comment on top\n', ''),
    ]);
    // Two syntactic checks, four edits.
    expect(prefetchedCount() - served).toBeGreaterThanOrEqual(8);
  });

  it('a wrapper added to the buffer, then changed so that it no longer serializes: the type-aware rule follows each text', async () => {
    const wrapper = 'function logLine(fields: object) {\n  console.log(JSON.stringify(fields));\n}\nexport function reportBig(count: bigint) {\n  logLine({ count });\n}\n';
    const served = prefetchedCount();
    await typeInto(MANAGER, [
      (t) => `${t}\n${wrapper}`,
      (t) => t.replace('console.log(JSON.stringify(fields));', 'console.log(String(fields));'),
      (t) => t.replace('console.log(String(fields));', 'console.log(JSON.stringify(fields));'),
    ]);
    // Per edit: two syntactic checks' facts and the type-aware check's prepared part.
    expect(prefetchedCount() - served).toBeGreaterThanOrEqual(9);
    expect((await lintBuffer(MANAGER, `${read(MANAGER)}\n${wrapper}`)).some((r) => r.startsWith('ssot/no-unserializable-log-args') && r.includes('bigint'))).toBe(true);
  });

  it('a helper copied into the buffer is reported at once; after a text that does not parse, the next one is analyzed afresh', async () => {
    const utils = read(UTILS);
    const helper = utils.match(/export function safeWebSocketStateForLogging[\s\S]*?\n}\n/)?.[0];
    expect(helper).toBeDefined();
    const copy = helper!.replace('export function safeWebSocketStateForLogging', 'function copiedStateForLogging');
    const withCopy = `${read(MANAGER)}\n${copy}`;
    const served = prefetchedCount();
    await typeInto(MANAGER, [() => withCopy]);
    expect(prefetchedCount()).toBeGreaterThan(served);
    expect((await lintBuffer(MANAGER, withCopy)).some((r) => r.startsWith('ssot/no-duplicate-helpers') && r.includes('copiedStateForLogging'))).toBe(true);

    // ESLint reports the parse error itself (our rules do not run), but the worker has parsed that text too.
    const [broken] = await eslint.lintText(`${withCopy}\nfunction broken( {\n`, { filePath: path.join(project, MANAGER) });
    expect(broken!.messages.some((m) => m.fatal)).toBe(true);
    const withoutCopy = withCopy.replace(copy, '');
    expect(await lintBuffer(MANAGER, withoutCopy)).toEqual(await cliAfterSaving(MANAGER, withoutCopy));
  });
});
