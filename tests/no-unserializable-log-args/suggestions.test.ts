import path from 'node:path';
import { expect, test } from 'vitest';
import { analyze } from '../../src/analyzer.js';
import { fixturesDir } from './support.js';

async function suggestions(fixture: string): Promise<string[]> {
  const { findings } = await analyze({ cwd: path.join(fixturesDir, fixture), rules: ['ssot/no-unserializable-log-args'], cache: false });
  return findings.flatMap((finding) =>
    (finding.suggestions ?? []).map((s) => `${finding.file}:${s.range.line}:${s.range.column}-${s.range.endColumn} ${s.text}`),
  );
}

test('a shorthand property keeps its key; a value found inside another one gets no edit', async () => {
  expect(await suggestions('no-unserializable-log-args/pino')).toEqual(['src/service.ts:17:27-32 state: JobState[state]']);
  // `stats.level` is found through the type of `stats`: there is nothing to replace at the call.
  expect(await suggestions('no-unserializable-log-args/json-stringify')).toEqual([]);
});
