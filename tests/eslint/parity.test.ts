import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessions } from '../../src/eslint/session.js';
import { cliRows, eslintFor, eslintRows, fixtureProjects, repoRoot } from './support.js';

beforeEach(() => resetSessions());

/**
 * Deliberate difference: in ESLint, tsconfig files are read by typescript-eslint's project service, which finds a
 * workspace package's base config where the package manager links it, that is once installed (as it is wherever
 * ESLint and this plugin are). The CLI also reads it from a fresh clone; in ESLint this fixture's finding needs
 * the base's `paths`, which the uninstalled base does not give.
 */
const UNINSTALLED_WORKSPACE_BASE = 'fixtures/cli/tsconfig-extends-workspace';

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
      expect(actual).toEqual(name === UNINSTALLED_WORKSPACE_BASE ? [] : expected);
    });
  }

  it('fixtures/incident linted from the repository root, as `ssot fixtures/incident` reports it', async () => {
    const expected = (await cliRows(repoRoot, ['fixtures/incident'])).sort();
    expect(expected.length).toBeGreaterThan(5);
    const actual = eslintRows(repoRoot, await eslintFor(repoRoot).lintFiles(['fixtures/incident']));
    expect(actual).toEqual(expected);
  });
});
