import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, row } from './support.js';

interface EslintJson {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; message: string; fatal?: boolean }[];
}

/** The real ESLint CLI with the sample project's config (`export default [ssot.configs.recommended]`). */
function eslintCli(args: string[]): string[] {
  const result = spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '-c', 'fixtures/eslint-sample/eslint.config.js', '--format', 'json', ...args], {
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

describe('the ESLint CLI with `export default [ssot.configs.recommended]` (needs `npm run build`)', () => {
  it('reports exactly what `ssot fixtures/incident` reports', () => {
    const expected = ssotCli(['fixtures/incident']);
    expect(expected.length).toBeGreaterThan(5);
    expect(eslintCli(['fixtures/incident'])).toEqual(expected);
  });

  it('with --concurrency, each worker builds its own index and the findings stay the same', () => {
    expect(eslintCli(['--concurrency', '2', 'fixtures/incident'])).toEqual(ssotCli(['fixtures/incident']));
  });

  it('lints the sample project, JavaScript outside any tsconfig included', () => {
    expect(eslintCli(['fixtures/eslint-sample'])).toEqual(ssotCli(['fixtures/eslint-sample']));
  });
});
