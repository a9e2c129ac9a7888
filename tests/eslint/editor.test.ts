import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkCounts, resetSessions, setRefreshInterval } from '../../src/eslint/session.js';
import { cliRows, eslintFor, eslintRows, incident } from './support.js';

const CHAT_CLIENT = 'src/client/chat_client.ts';
const TYPES = 'src/websocket_core/types.ts';
const UTILS = 'src/websocket_core/utils.ts';
const MANAGER = 'src/websocket_core/manager.ts';
const ALIAS_FIX = ['agent_start: MessageType.START_AGENT,', 'agent_start: MessageType.START_AGENT,\n  execute_agent: MessageType.START_AGENT,'] as const;

let project: string;
let eslint: ESLint;

beforeEach(() => {
  resetSessions();
  project = mkdtempSync(path.join(tmpdir(), 'ssot-editor-'));
  cpSync(incident, project, { recursive: true });
  eslint = eslintFor(project);
});

afterEach(() => {
  setRefreshInterval(1000);
  rmSync(project, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(project, file), 'utf8');

/** Lints one file as the editor does: its text given, from the buffer, not from the disk. */
async function lintBuffer(file: string, text = read(file)): Promise<string[]> {
  return eslintRows(project, await eslint.lintText(text, { filePath: path.join(project, file) }));
}

/** What the CLI reports in `file` once `edits` are saved: the reference for the editor's unsaved state. */
async function cliAfterSaving(file: string, edits: Record<string, string>): Promise<string[]> {
  const saved = mkdtempSync(path.join(tmpdir(), 'ssot-saved-'));
  try {
    cpSync(project, saved, { recursive: true });
    for (const [name, text] of Object.entries(edits)) writeFileSync(path.join(saved, name), text);
    return (await cliRows(saved)).filter((r) => r.includes(` ${file}:`)).sort();
  } finally {
    rmSync(saved, { recursive: true, force: true });
  }
}

describe('the project index inside one ESLint process', () => {
  it('an unsaved handler in one file clears the finding in the sender when the sender is linted next', async () => {
    const before = await lintBuffer(CHAT_CLIENT);
    expect(before.filter((r) => r.startsWith('ssot/no-unhandled-message-types'))).toHaveLength(1);

    const fixed = read(TYPES).replace(...ALIAS_FIX);
    await lintBuffer(TYPES, fixed);
    const after = await lintBuffer(CHAT_CLIENT);
    expect(after.filter((r) => r.startsWith('ssot/no-unhandled-message-types'))).toEqual([]);
    expect(after).toEqual(await cliAfterSaving(CHAT_CLIENT, { [TYPES]: fixed }));

    // Undoing the edit in the editor brings the finding back.
    await lintBuffer(TYPES);
    expect(await lintBuffer(CHAT_CLIENT)).toEqual(before);
  });

  it('removing the canonical helper in a buffer changes what its copies report, as the CLI would after saving', async () => {
    await lintBuffer(MANAGER);
    const utils = read(UTILS);
    const withoutHelper = utils.replace(/export function safeWebSocketStateForLogging[\s\S]*?\n}\n/, '');
    expect(withoutHelper).not.toBe(utils);
    await lintBuffer(UTILS, withoutHelper);
    const expected = await cliAfterSaving(MANAGER, { [UTILS]: withoutHelper });
    expect(await lintBuffer(MANAGER)).toEqual(expected);
  });

  it('the linted buffer itself is analyzed, with types, as typed', async () => {
    const manager = read(MANAGER);
    const before = (await lintBuffer(MANAGER)).filter((r) => r.startsWith('ssot/no-unserializable-log-args'));
    expect(before.some((r) => r.includes('bigint'))).toBe(true);
    const edited = manager.replace('{ bytesSent: this.bytesSent, error }', '{ bytesSent: String(this.bytesSent), error }');
    expect(edited).not.toBe(manager);
    const after = await lintBuffer(MANAGER, edited);
    expect(after).toEqual(await cliAfterSaving(MANAGER, { [MANAGER]: edited }));
    expect(after.some((r) => r.includes('bigint'))).toBe(false);
  });

  it('typing in one buffer: after each edit its findings are what the CLI says of the saved text, without re-linking', async () => {
    let text = read(TYPES);
    await lintBuffer(TYPES, text);
    const linksBefore = linkCounts();
    const steps: Array<(t: string) => string> = [
      (t) => `// a comment on top\n${t}`,
      (t) => `${t}\nexport const ssotEdit = 1;\n`,
      (t) => t.replace(...ALIAS_FIX),
      (t) => t.replace('// a comment on top\n', ''),
    ];
    for (const [i, step] of steps.entries()) {
      text = step(text);
      expect(await lintBuffer(TYPES, text), `after edit ${i + 1}`).toEqual(await cliAfterSaving(TYPES, { [TYPES]: text }));
    }
    // Comments, a new constant nobody uses, and an alias entry change nothing other
    // files see: every check answered from the model it linked on the first lint.
    expect(linkCounts()).toEqual(linksBefore);
    // The sender, linted next, sees the alias the buffer added.
    expect(await lintBuffer(CHAT_CLIENT)).toEqual(await cliAfterSaving(CHAT_CLIENT, { [TYPES]: text }));
  });

  it('files changed on disk outside the editor are re-read on a later lint', async () => {
    setRefreshInterval(0);
    expect((await lintBuffer(CHAT_CLIENT)).some((r) => r.startsWith('ssot/no-unhandled-message-types'))).toBe(true);
    writeFileSync(path.join(project, TYPES), read(TYPES).replace(...ALIAS_FIX));
    expect((await lintBuffer(CHAT_CLIENT)).some((r) => r.startsWith('ssot/no-unhandled-message-types'))).toBe(false);
  });

  it('a file the CLI does not analyze (gitignored) gets no findings', async () => {
    writeFileSync(path.join(project, '.gitignore'), 'src/routes/\n');
    resetSessions();
    expect(await lintBuffer('src/routes/websocket_routes.ts')).toEqual([]);
  });
});
