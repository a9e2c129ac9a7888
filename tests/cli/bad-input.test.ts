import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, type CliRun } from '../support/run-cli.js';

/** Bad files are written at test time: binary bytes, loops and 6 MB files don't belong in git. */
function writeBadFiles(dir: string): string[] {
  const bad = path.join(dir, 'bad');
  mkdirSync(bad);
  writeFileSync(path.join(bad, 'syntax.ts'), 'export function (a { return ;\n');
  writeFileSync(path.join(bad, 'binary.ts'), Buffer.from([0x65, 0x78, 0x00, 0x01, 0xff, 0x00]));
  writeFileSync(path.join(bad, 'latin1.ts'), Buffer.from('const caf\xe9 = 1;\n', 'latin1'));
  let huge = 'export const rows = [\n';
  while (huge.length < 6 * 1024 * 1024) huge += '  { id: 1, name: "abcdefghij", value: 12345 },\n';
  writeFileSync(path.join(bad, 'huge.ts'), huge + '];\n');
  writeFileSync(path.join(bad, 'deep.ts'), `export function deep(a: number) {${'if (a) {'.repeat(4000)}${'}'.repeat(4000)}}\n`);
  symlinkSync('loop-b.ts', path.join(bad, 'loop-a.ts'));
  symlinkSync('loop-a.ts', path.join(bad, 'loop-b.ts'));
  symlinkSync('..', path.join(bad, 'parent'));
  // A test fixture's broken tsconfig: skipped, not the run's config error.
  mkdirSync(path.join(bad, 'fixture'));
  writeFileSync(path.join(bad, 'fixture/tsconfig.json'), '{\n  "buildOptions":\n}\n');
  // Odd but valid: these are analyzed normally and produce no diagnostic.
  writeFileSync(path.join(bad, 'empty.ts'), '');
  writeFileSync(path.join(bad, 'bom-crlf.ts'), '\ufeffexport const a = 1;\r\nexport const b = 2;\r\n');
  // A period then many comments, with no log call after them: a pattern that backtracks over comments would never end.
  writeFileSync(path.join(bad, 'comments.ts'), `// Keep in sync with the schema.\n${'/** section */\n\n'.repeat(80)}export interface Config {\n  field?: string;\n}\n`);
  return ['bad/binary.ts', 'bad/deep.ts', 'bad/fixture/tsconfig.json', 'bad/huge.ts', 'bad/latin1.ts', 'bad/loop-a.ts', 'bad/loop-b.ts', 'bad/syntax.ts'];
}

describe('bad input', () => {
  const dirs: string[] = [];
  let clean: CliRun;
  let dirty: CliRun;
  let badFiles: string[];

  beforeAll(() => {
    const make = () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ssot-bad-'));
      dirs.push(dir);
      cpSync(path.join(repoRoot, 'fixtures/cli/two-copies'), dir, { recursive: true });
      return dir;
    };
    const cleanDir = make();
    const dirtyDir = make();
    badFiles = writeBadFiles(dirtyDir);
    clean = runCli(['.', '--format', 'json', '--no-cache'], { cwd: cleanDir });
    dirty = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dirtyDir });
  });
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reports each bad file in one line on stderr', () => {
    const lines = dirty.stderr.trimEnd().split('\n');
    expect(lines.map((line) => line.split(': ')[1])).toEqual(badFiles);
    expect(lines).toContain('ssot: bad/binary.ts: skipped: binary content (NUL bytes)');
    expect(lines).toContain('ssot: bad/latin1.ts: skipped: not valid UTF-8');
    expect(lines).toContain('ssot: bad/huge.ts: skipped: 6.0 MB is over maxFileSize (2.0 MB)');
    expect(lines).toContain('ssot: bad/loop-a.ts: skipped: symbolic link loop');
    expect(lines).toContain('ssot: bad/deep.ts: skipped: too deeply nested to analyze (depth over 500)');
    expect(lines).toContain('ssot: bad/syntax.ts: syntax error at 1:17: Identifier expected.');
    expect(lines).toContain('ssot: bad/fixture/tsconfig.json: invalid tsconfig (Expression expected.); skipped');
    for (const line of lines) expect(line).not.toMatch(/\n|\s{2}at /);
  });

  it('loses no finding on the good files', () => {
    expect(clean.status).toBe(1);
    expect(dirty.status).toBe(clean.status);
    expect(dirty.stdout).toBe(clean.stdout);
  });
});
