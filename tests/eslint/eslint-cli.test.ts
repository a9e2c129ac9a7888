import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, row } from './support.js';

interface EslintJson {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; message: string; fatal?: boolean }[];
}

/** ESLint 10 (the devDependency) and ESLint 9 (installed under the alias `eslint9`). */
const eslintVersions = [
  ['ESLint 10', 'node_modules/eslint/bin/eslint.js'],
  ['ESLint 9', 'node_modules/eslint9/bin/eslint.js'],
] as const;

/** The real ESLint CLI with the sample project's config (`export default [ssot.configs.recommended]`). */
function eslintCli(bin: string, args: string[]): string[] {
  const result = spawnSync(process.execPath, [bin, '-c', 'fixtures/eslint-sample/eslint.config.js', '--format', 'json', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
  const results = JSON.parse(result.stdout) as EslintJson[];
  return results
    .flatMap((r) =>
      r.messages.map((m) => {
        if (m.fatal) throw new Error(`${r.filePath}: ${m.message}`);
        const file = path.relative(repoRoot, r.filePath).split(path.sep).join('/');
        return row(m.ruleId ?? '', file, m.line, m.column, m.endLine ?? m.line, m.endColumn ?? m.column, m.message);
      }),
    )
    .sort();
}

function ssotCli(args: string[]): string[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, ['dist/cli.js', ...args, '--format', 'json', '--no-cache'], { cwd: repoRoot, encoding: 'utf8' });
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
  }
  const { findings } = JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] };
  return findings.map((f) => row(f.ruleId, f.file, f.line, f.column, f.endLine, f.endColumn, f.message)).sort();
}

describe.each(eslintVersions)('the %s CLI with `export default [ssot.configs.recommended]` (needs `npm run build`)', (_name, bin) => {
  it('is the ESLint major it claims to be', () => {
    const version = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8', cwd: repoRoot });
    expect(version).toMatch(_name === 'ESLint 9' ? /^v9\./ : /^v10\./);
  });

  it('reports exactly what `ssot fixtures/incident` reports', () => {
    const expected = ssotCli(['fixtures/incident']);
    expect(expected.length).toBeGreaterThan(5);
    expect(eslintCli(bin, ['fixtures/incident'])).toEqual(expected);
  });

  it('with --concurrency, each worker builds its own index and the findings stay the same', () => {
    expect(eslintCli(bin, ['--concurrency', '2', 'fixtures/incident'])).toEqual(ssotCli(['fixtures/incident']));
  });

  it('lints the sample project, JavaScript outside any tsconfig included', () => {
    expect(eslintCli(bin, ['fixtures/eslint-sample'])).toEqual(ssotCli(['fixtures/eslint-sample']));
  });
});
