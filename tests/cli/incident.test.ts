import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/**
 * The JSON contract end to end on the incident: the exact bytes other tools parse. When a check's output
 * changes on purpose, regenerate with `node dist/cli.js fixtures/incident --format json --no-cache`, and read
 * the diff.
 */
const expected = readFileSync(new URL('./incident.expected.json', import.meta.url), 'utf8');

describe('ssot on fixtures/incident', () => {
  it('prints exactly the expected JSON and exits 1', () => {
    const run = runCli(['fixtures/incident', '--format', 'json', '--no-cache']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(expected);
  });

  it('reports all three bug classes of the incident', () => {
    const findings = JSON.parse(expected).findings as { ruleId: string; message: string }[];
    const byRule = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
    expect(byRule('ssot/no-duplicate-helpers')).toHaveLength(5);
    expect(byRule('ssot/no-unhandled-message-types')).toEqual([expect.stringMatching(/^'execute_agent' is sent here but no handler maps it/)]);
    expect(byRule('ssot/no-unserializable-log-args')).toEqual([
      expect.stringMatching(/^`state` is a numeric enum member \(WebSocketState\)/),
      expect.stringMatching(/^`bytesSent` is a bigint: JSON\.stringify throws 'Do not know how to serialize a BigInt'/),
      expect.stringMatching(/^`error` is a catch variable \(treated as an Error\)/),
    ]);
  });

  it('gives the same bytes with one job, without worker threads', () => {
    expect(runCli(['fixtures/incident', '--format', 'json', '--jobs', '1', '--no-cache']).stdout).toBe(expected);
  });
});
