import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessions } from '../../src/eslint/session.js';
import { cliRows, eslintFor, eslintRows, fixtureProjects, repoRoot } from './support.js';

beforeEach(() => resetSessions());

describe('ESLint reports exactly what the CLI reports', () => {
  for (const project of fixtureProjects()) {
    const name = path.relative(repoRoot, project);
    it(name, async () => {
      let expected: string[];
      try {
        expected = (await cliRows(project)).sort();
      } catch (error) {
        const reason = String((error as Error).message);
        if (reason.startsWith('invalid tsconfig')) {
          // Deliberate difference: in ESLint, tsconfig handling is typescript-eslint's; the rules keep working.
          expect(eslintRows(project, await eslintFor(project).lintFiles(['.']))).toEqual([]);
          return;
        }
        // An invalid ssot config: ESLint refuses it too, with the same reason.
        const file = path.join(project, 'src/any.ts');
        await expect(eslintFor(project).lintText('export {};\n', { filePath: file })).rejects.toThrow(`ssot: ${reason}`);
        return;
      }
      const actual = eslintRows(project, await eslintFor(project).lintFiles(['.']));
      expect(actual).toEqual(expected);
    });
  }

  it('a tsconfig whose base is an uninstalled workspace package: the same findings in an editor and in CI (single run)', async () => {
    const project = path.join(repoRoot, 'fixtures/cli/tsconfig-extends-workspace');
    const expected = (await cliRows(project)).sort();
    expect(expected).toHaveLength(1);
    const saved = process.env.TSESTREE_SINGLE_RUN;
    try {
      for (const singleRun of ['false', 'true']) {
        // typescript-eslint's project service reads the tsconfig without its base; its single run refuses it.
        process.env.TSESTREE_SINGLE_RUN = singleRun;
        resetSessions();
        expect(eslintRows(project, await eslintFor(project).lintFiles(['.']))).toEqual(expected);
      }
    } finally {
      if (saved === undefined) delete process.env.TSESTREE_SINGLE_RUN;
      else process.env.TSESTREE_SINGLE_RUN = saved;
    }
  });

  it('fixtures/incident linted from the repository root, as `ssot fixtures/incident` reports it', async () => {
    const expected = (await cliRows(repoRoot, ['fixtures/incident'])).sort();
    expect(expected.length).toBeGreaterThan(5);
    const actual = eslintRows(repoRoot, await eslintFor(repoRoot).lintFiles(['fixtures/incident']));
    expect(actual).toEqual(expected);
  });
});
