import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageJson } from '../../src/version.js';
import { parseJsonOutput, repoRoot, runCli } from '../support/run-cli.js';

const fixture = (name: string) => path.join(repoRoot, 'fixtures/cli', name);
const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ssot-cli-'));
  temporary.push(dir);
  return dir;
}
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('ssot CLI: arguments and exit codes', () => {
  it('prints help and the version with exit 0', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ssot \[paths\.\.\.\] \[options\]/);
    const version = runCli(['--version']);
    expect(version).toMatchObject({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it.each([
    [['--frobnicate'], /^ssot: Unknown option '--frobnicate'/],
    [['--format', 'xml', 'fixtures/cli/two-copies'], /^ssot: unknown format "xml" \(known: stylish, json, sarif, github\)$/],
    [['--rule', 'ssot/no-such-rule', 'fixtures/cli/two-copies'], /^ssot: unknown rule "ssot\/no-such-rule"/],
    [['--jobs', 'zero', 'fixtures/cli/two-copies'], /^ssot: --jobs takes a whole number >= 1, not "zero"$/],
    [['fixtures/cli/does-not-exist'], /^ssot: no such file or directory: fixtures\/cli\/does-not-exist$/],
  ])('exits 2 with one line for %j', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it('exits 0 with no output when there is nothing to report', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'only.ts'), 'export const answer = 42;\n');
    expect(runCli(['.'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runCli(['.', '--format', 'json'], { cwd: dir })).toEqual({ status: 0, stdout: '{"version":1,"findings":[]}\n', stderr: '' });
  });

  it('reports the same findings as SARIF 2.1.0 (code scanning) and as GitHub Actions annotations', () => {
    const args = ['fixtures/incident', '--no-cache'];
    type JsonFinding = { ruleId: string; severity: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number; fingerprint: string; related: Array<{ file: string; line: number; column: number; message?: string }> };
    const findings = parseJsonOutput(runCli([...args, '--format', 'json'])).findings as unknown as JsonFinding[];
    const sarifRun = runCli([...args, '--format', 'sarif']);
    expect(sarifRun.status).toBe(1);
    const sarif = JSON.parse(sarifRun.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver).toMatchObject({ name: 'ssot', version: packageJson.version });
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toEqual(['ssot/no-duplicate-helpers', 'ssot/no-unserializable-log-args', 'ssot/no-unhandled-message-types']);
    expect(run.results).toHaveLength(findings.length);
    run.results.forEach((result: any, i: number) => {
      const finding = findings[i]!;
      expect(ruleIds[result.ruleIndex]).toBe(finding.ruleId);
      expect(result).toMatchObject({
        ruleId: finding.ruleId,
        level: finding.severity,
        message: { text: finding.message },
        partialFingerprints: { 'ssot/v1': finding.fingerprint },
      });
      expect(result.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' },
        region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
      });
      expect(result.relatedLocations?.length ?? 0).toBe(finding.related.length);
    });

    const github = runCli([...args, '--format', 'github']);
    expect(github.status).toBe(1);
    const lines = github.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    const first = findings[0]!;
    expect(lines[0]).toBe(
      `::${first.severity} file=${first.file},line=${first.line},endLine=${first.endLine},col=${first.column},endColumn=${first.endColumn},title=${first.ruleId}::` +
        [first.message, ...first.related.slice(0, 3).map((r) => `${r.message ? `${r.message}: ` : ''}${r.file}:${r.line}:${r.column}`)].join('%0A') +
        (first.related.length > 3 ? `%0A(+${first.related.length - 3} more)` : ''),
    );
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=ssot\/[a-z-]+::\S/);
  });

  it('exits 1 with findings, in the JSON contract', () => {
    const run = runCli(['fixtures/cli/two-copies', '--format', 'json', '--rule', 'ssot/no-duplicate-helpers', '--no-cache']);
    expect(run.status).toBe(1);
    const output = parseJsonOutput(run);
    expect(output.version).toBe(1);
    expect(output.findings).toHaveLength(1);
    const [finding] = output.findings;
    expect(Object.keys(finding!)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'related', 'fingerprint']);
    expect(finding).toMatchObject({
      ruleId: 'ssot/no-duplicate-helpers',
      file: 'fixtures/cli/two-copies/src/b.ts',
      line: 7,
      column: 10,
      endLine: 7,
      endColumn: 22,
      related: [{ file: 'fixtures/cli/two-copies/src/a.ts', line: 1, column: 17 }],
    });
    expect(finding!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('recognizes tests and examples from the folder given to analyze, so an example analyzed alone is a project', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), path.join(dir, 'examples/shop'), { recursive: true });
    const args = ['--format', 'json', '--rule', 'ssot/no-duplicate-helpers'];
    // From the repository, the example is one of its examples: its copies are deliberate.
    expect(runCli(['.', ...args], { cwd: dir })).toMatchObject({ status: 0 });
    // Given by name (relative, or absolute from anywhere), it is analyzed as a project of its own.
    const named = parseJsonOutput(runCli(['examples/shop', ...args], { cwd: dir })).findings;
    expect(named.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['examples/shop/src/b.ts:7']);
    const fromAbove = parseJsonOutput(runCli([path.join(dir, 'examples/shop'), ...args, '--no-cache'], { cwd: path.dirname(dir) })).findings;
    expect(fromAbove.map((finding) => `${finding.file}:${finding.line}`)).toEqual([`${path.basename(dir)}/examples/shop/src/b.ts:7`]);
    // The cache keeps the two readings apart.
    expect(runCli(['.', ...args], { cwd: dir })).toMatchObject({ status: 0 });
  });

  it('keeps fingerprints when unrelated lines move', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    const before = parseJsonOutput(runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir })).findings;
    const b = path.join(dir, 'src/b.ts');
    writeFileSync(b, '// a new header comment\n\n' + readFileSync(b, 'utf8'));
    const after = parseJsonOutput(runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir })).findings;
    expect(after.map((f) => f.line)).toEqual(before.map((f) => Number(f.line) + 2));
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });

  it('--baseline reports only the findings an earlier JSON report does not have', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    const baseline = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    writeFileSync(path.join(dir, 'baseline.json'), baseline.stdout);
    expect(runCli(['.', '--no-cache', '--baseline', 'baseline.json'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
    // A third copy: its finding is new; the old one (now listing the third copy too) is still accepted.
    const b = readFileSync(path.join(dir, 'src/b.ts'), 'utf8');
    writeFileSync(path.join(dir, 'src/c.ts'), b.slice(b.indexOf('function clampPercent')).replace(/clampPercent/g, 'clampToPercent').replace(/export const progress[^\n]*\n/, ''));
    const run = runCli(['.', '--format', 'json', '--no-cache', '--baseline', 'baseline.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(parseJsonOutput(run).findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/c.ts:1']);
    expect(parseJsonOutput(runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir })).findings).toHaveLength(2);
  });

  it.each([
    ['missing.json', undefined, /^ssot: baseline missing\.json: no such file$/],
    ['broken.json', '{"version":1,', /^ssot: baseline broken\.json: not JSON \(/],
    ['other.json', '{"findings":[]}', /^ssot: baseline other\.json: not a report of `ssot --format json`/],
  ])('--baseline %s: exit 2 with one line', (name, content, message) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.ts'), 'export const answer = 42;\n');
    if (content !== undefined) writeFileSync(path.join(dir, name), content);
    const run = runCli(['.', '--baseline', name], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('ssot CLI: stylish output', () => {
  const args = ['fixtures/cli/two-copies', '--rule', 'ssot/no-duplicate-helpers', '--no-cache'];

  it('groups findings by file with a summary, without color under NO_COLOR', () => {
    const run = runCli(args, { env: { NO_COLOR: '1' } });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stdout.split('\n')[0]).toBe('fixtures/cli/two-copies/src/b.ts');
    expect(run.stdout).toMatch(/^ {2}7:10 +(error|warning) +clampPercent .*ssot\/no-duplicate-helpers$/m);
    expect(run.stdout).toMatch(/✖ 1 problem \((1 error, 0 warnings|0 errors, 1 warning)\)/);
  });

  it('colors under FORCE_COLOR', () => {
    expect(runCli(args, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
  });
});

describe('ssot CLI: progress', () => {
  const args = ['fixtures/incident', '--no-cache', '--format', 'json'];

  it('shows no progress when stderr is not a terminal, or with --no-progress', () => {
    for (const extra of [[], ['--no-progress']]) {
      const run = runCli([...args, ...extra]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
    }
  });

  it('--progress prints a line when each stage starts and when it ends on stderr, and leaves stdout alone', () => {
    const quiet = runCli(args);
    const run = runCli([...args, '--progress']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(quiet.stdout);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.map((line) => line.split(' [')[0]!.trim())).toEqual(['ssot types', 'ssot types', 'ssot facts', 'ssot facts', 'ssot checks', 'ssot checks']);
    expect(lines.map((line) => line.split('] ')[1])).toEqual(['0/10 files', '10/10 files', '0/10 files', '10/10 files', '0/3 checks', '3/3 checks']);
  });
});

describe('ssot CLI: config', () => {
  it('rejects an unknown option key, naming the file and the key', () => {
    const run = runCli(['.'], { cwd: fixture('config-invalid') });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ssot: invalid config ssot.config.json: unknown key "colour" in rules/ssot/no-duplicate-helpers/1\n');
  });

  it('rejects a bad severity and broken JSON', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ssot.config.json'), '{ "rules": { "ssot/no-duplicate-helpers": "fatal" } }');
    const badSeverity = runCli(['.'], { cwd: dir });
    expect(badSeverity.status).toBe(2);
    expect(badSeverity.stderr).toBe('ssot: invalid config ssot.config.json: rules/ssot/no-duplicate-helpers must be one of "error", "warn", "off"\n');
    writeFileSync(path.join(dir, 'ssot.config.json'), '{ "rules": ');
    const broken = runCli(['.'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^ssot: invalid config ssot\.config\.json: .+\n$/);
  });

  it('reads package.json#ssot: a severity applies to every finding of the rule', () => {
    const run = runCli(['.', '--format', 'json', '--no-cache'], { cwd: fixture('config-package-json') });
    expect(run.status).toBe(1);
    const findings = parseJsonOutput(run).findings.filter((f) => f.ruleId === 'ssot/no-duplicate-helpers');
    expect(findings.map((f) => [f.file, f.severity])).toEqual([['src/b.ts', 'warning']]);
  });

  it('turns a rule off, ignores files per rule and globally, and takes --config', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    const write = (config: object) => writeFileSync(path.join(dir, 'custom.json'), JSON.stringify(config));
    const findings = () => parseJsonOutput(runCli(['.', '--config', 'custom.json', '--format', 'json', '--no-cache'], { cwd: dir })).findings;
    write({ rules: { 'ssot/no-duplicate-helpers': 'off' } });
    expect(findings().filter((f) => f.ruleId === 'ssot/no-duplicate-helpers')).toEqual([]);
    write({ rules: { 'ssot/no-duplicate-helpers': ['error', { ignore: ['src/b.ts'] }] } });
    expect(findings().filter((f) => f.ruleId === 'ssot/no-duplicate-helpers')).toEqual([]);
    write({ ignore: ['src/a.ts'] });
    expect(findings().filter((f) => f.ruleId === 'ssot/no-duplicate-helpers')).toEqual([]);
  });

  it('uses a tsconfig whose extended package is not installed, with one line about it', () => {
    const run = runCli(['.', '--format', 'json', '--no-cache'], { cwd: fixture('tsconfig-extends-uninstalled') });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('ssot: tsconfig.json: extends @tsconfig/not-installed-here/tsconfig.json, which is not installed; using its own options only\n');
    expect(parseJsonOutput(run).findings.map((f) => f.file)).toContain('src/b.ts');
  });

  it('says once that a package many tsconfig files extend is not installed (a monorepo before install)', () => {
    const dir = tempDir();
    cpSync(fixture('tsconfig-extends-uninstalled'), dir, { recursive: true });
    for (const name of ['api', 'app', 'sdk']) {
      mkdirSync(path.join(dir, 'packages', name, 'src'), { recursive: true });
      writeFileSync(path.join(dir, 'packages', name, 'tsconfig.json'), `{ "extends": "@acme/tsconfig/${name === 'app' ? 'web' : 'node'}.json", "include": ["src"] }`);
      writeFileSync(path.join(dir, 'packages', name, 'src/index.ts'), 'export const answer = 42;\n');
    }
    const run = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(run.stderr).toBe(
      [
        'ssot: packages/api/tsconfig.json: extends @acme/tsconfig/node.json, which is not installed; using its own options only, as do 2 more tsconfig files extending @acme/tsconfig',
        'ssot: tsconfig.json: extends @tsconfig/not-installed-here/tsconfig.json, which is not installed; using its own options only',
        '',
      ].join('\n'),
    );
    expect(parseJsonOutput(run).findings.map((f) => f.file)).toContain('src/b.ts');
  });

  it("keeps a base tsconfig's own options (paths) when the package the base extends is not installed, naming the base", () => {
    const run = runCli(['.', '--format', 'json', '--no-cache'], { cwd: fixture('tsconfig-base-extends-uninstalled') });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('ssot: tsconfig.json: its base tsconfig.base.json extends @silverhand/ts-config-react/tsconfig.base, which is not installed; using the rest of its options\n');
    // The bigint's type comes through the base's `paths` (`@ac/*`).
    expect(parseJsonOutput(run).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['src/report.ts:5 ssot/no-unserializable-log-args']);
  });

  it('keeps the bases of an `extends` list that can be read, naming only the one that cannot', () => {
    const dir = tempDir();
    cpSync(fixture('tsconfig-base-extends-uninstalled'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'tsconfig.base.json'), '{ "compilerOptions": { "baseUrl": ".", "paths": { "@ac/*": ["src/*"] } } }\n');
    writeFileSync(path.join(dir, 'tsconfig.json'), '{ "extends": ["./tsconfig.base.json", "@tsconfig/node22/tsconfig.json"], "include": ["src"] }\n');
    const direct = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(direct.stderr).toBe('ssot: tsconfig.json: extends @tsconfig/node22/tsconfig.json, which is not installed; using the rest of its options\n');
    expect(parseJsonOutput(direct).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['src/report.ts:5 ssot/no-unserializable-log-args']);
    // The same list in a base.
    mkdirSync(path.join(dir, 'config'));
    writeFileSync(path.join(dir, 'config/node.json'), '{ "extends": ["../tsconfig.base.json", "@tsconfig/node22/tsconfig.json"] }\n');
    writeFileSync(path.join(dir, 'tsconfig.json'), '{ "extends": "./config/node.json", "include": ["src"] }\n');
    const inBase = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(inBase.stderr).toBe('ssot: tsconfig.json: its base config/node.json extends @tsconfig/node22/tsconfig.json, which is not installed; using the rest of its options\n');
    expect(parseJsonOutput(inBase).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['src/report.ts:5 ssot/no-unserializable-log-args']);
  });

  it('reads a base tsconfig from a workspace package that is not installed, where the package manager would link it', () => {
    const expected = ['apps/web/src/report.ts:5 ssot/no-unserializable-log-args'];
    const npmWorkspaces = runCli(['.', '--format', 'json', '--no-cache'], { cwd: fixture('tsconfig-extends-workspace') });
    expect(npmWorkspaces.stderr).toBe('');
    // The bigint's type comes through the base's `paths` (`@web/*`, in `${configDir}`).
    expect(parseJsonOutput(npmWorkspaces).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(expected);

    const dir = tempDir();
    cpSync(fixture('tsconfig-extends-workspace'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "acme", "private": true }');
    writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - "apps/*"\n  - packages/*\n');
    const pnpmWorkspace = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(pnpmWorkspace.stderr).toBe('');
    expect(parseJsonOutput(pnpmWorkspace).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(expected);

    // Outside the workspace globs, the package is what it is: not installed.
    writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - "apps/*"\n');
    const notListed = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(notListed.stderr).toBe('ssot: apps/web/tsconfig.json: extends @acme/tsconfig/base.json, which is not installed; using its own options only\n');
    expect(parseJsonOutput(notListed).findings).toEqual([]);
  });

  it('takes options alone, keeping each finding its own severity', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'ssot.config.json'), JSON.stringify({ rules: { 'ssot/no-duplicate-helpers': { ignore: ['src/a.ts'] } } }));
    const run = runCli(['.', '--format', 'json', '--no-cache', '--rule', 'ssot/no-duplicate-helpers'], { cwd: dir });
    expect(parseJsonOutput(run).findings.map((f) => [f.file, f.severity])).toEqual([['src/b.ts', 'error']]);
  });

  it('uses a tsconfig whose relative base is missing (generated, or a wrong path) without it, with one line about it', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'tools'));
    writeFileSync(path.join(dir, 'tools/tsconfig.json'), '{ "extends": "../.nuxt/tsconfig.server.json", "include": ["."] }');
    writeFileSync(path.join(dir, 'tools/script.ts'), 'export const answer = 42;\n');
    const run = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(run.stderr).toBe('ssot: tools/tsconfig.json: extends ../.nuxt/tsconfig.server.json, which cannot be read; using its own options only\n');
    expect(run.status).toBe(1);
    expect(parseJsonOutput(run).findings.map((f) => f.file)).toEqual(['src/b.ts']);
  });

  it('says once that Flow-typed files are not analyzed, skips flow-typed/ library definitions, and keeps the findings of the other files', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'app'));
    mkdirSync(path.join(dir, 'flow-typed'));
    // An exact object type is Flow's own syntax; most other annotations parse as TypeScript's and are analyzed.
    for (const name of ['a', 'b', 'c']) writeFileSync(path.join(dir, `app/${name}.js`), `/**\n * @flow strict-local\n */\nexport type Props = {| name: string |};\nexport const ${name} = (props: Props): number => props.name.length;\n`);
    writeFileSync(path.join(dir, 'app/plain.js'), '// @flow\nexport const plain = 1;\n');
    writeFileSync(path.join(dir, 'app/syntax.js'), 'export const broken = ;\n');
    writeFileSync(path.join(dir, 'flow-typed/lodash_v4.x.x.js'), "declare module 'lodash' {\n  declare module.exports: any;\n}\n");
    const run = runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(run.stderr).toBe(
      [
        'ssot: app/a.js and 2 more files: Flow type annotations (@flow) are not JavaScript or TypeScript; not analyzed',
        "ssot: app/syntax.js: syntax error at 1:23: Expression expected.",
        '',
      ].join('\n'),
    );
    expect(parseJsonOutput(run).findings.map((f) => f.file)).toEqual(['src/b.ts']);
  });

  it('exits 2 naming a broken tsconfig.json', () => {
    const run = runCli(['.'], { cwd: fixture('tsconfig-broken') });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ssot: invalid tsconfig tsconfig\.json: .+\n$/);
  });
});

describe('ssot CLI: .gitignore and excluded folders', () => {
  it('skips ignored files, hidden files and folders, and node_modules, dist, build, coverage', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    for (const folder of ['node_modules/pkg', 'dist', 'build', 'coverage', 'generated', '.storybook', 'src/nested/ignored-here']) {
      cpSync(path.join(dir, 'src/a.ts'), path.join(dir, folder, 'copy.ts'), { recursive: true });
    }
    cpSync(path.join(dir, 'src/a.ts'), path.join(dir, 'src/.hidden.ts'));
    writeFileSync(path.join(dir, '.gitignore'), 'generated/\n');
    writeFileSync(path.join(dir, 'src/nested/.gitignore'), 'ignored-here/\n');
    const files = parseJsonOutput(runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir })).findings.map((f) => f.file);
    expect(files).toEqual(['src/b.ts']);
    expect(readdirSync(dir)).toContain('generated');
  });

  it("analyzes a node_modules folder that .gitignore re-includes by path (node-red's `!packages/node_modules`), still file by file", () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    for (const folder of ['packages/node_modules/@app/core', 'packages/node_modules/@app/core/public', 'packages/node_modules/@app/core/node_modules/dep', 'node_modules/pkg']) {
      cpSync(path.join(dir, 'src/a.ts'), path.join(dir, folder, 'copy.ts'), { recursive: true });
    }
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n!packages/node_modules\npackages/node_modules/@app/core/public\n');
    const files = parseJsonOutput(runCli(['.', '--format', 'json', '--no-cache'], { cwd: dir })).findings.map((f) => f.file);
    expect(files).toEqual(['packages/node_modules/@app/core/copy.ts', 'src/b.ts']);
  });

  it('analyzes a file reached twice through symlinks once, under its first name in path order', () => {
    const dir = tempDir();
    cpSync(fixture('two-copies'), dir, { recursive: true });
    symlinkSync('a.ts', path.join(dir, 'src/alias-of-a.ts'));
    symlinkSync('src', path.join(dir, 'linked'));
    const run = runCli(['src', 'linked', '--format', 'json', '--no-cache'], { cwd: dir });
    const findings = parseJsonOutput(run).findings;
    expect(findings.map((f) => [f.file, (f.related as Array<{ file: string }>).map((r) => r.file)])).toEqual([['linked/b.ts', ['linked/a.ts']]]);
  });
});

describe('ssot CLI: compile cache', () => {
  // Node 22+ keeps compiled code itself (module.enableCompileCache); Node 20 gets the same from node:vm.
  const nodeHasOne = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  it.skipIf(nodeHasOne)('keeps TypeScript compiled in the temp folder, unless NODE_DISABLE_COMPILE_CACHE is set', () => {
    const disabledTemp = tempDir();
    const disabled = runCli(['fixtures/cli/two-copies', '--format', 'json', '--no-cache'], { env: { TMPDIR: disabledTemp, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(readdirSync(disabledTemp)).toEqual([]);

    const temp = tempDir();
    const first = runCli(['fixtures/cli/two-copies', '--format', 'json', '--no-cache'], { env: { TMPDIR: temp } });
    const [cacheFile, ...others] = readdirSync(path.join(temp, 'ssot-compile-cache'));
    expect(others).toEqual([]);
    expect(cacheFile).toMatch(/^typescript\.js-.+\.bin$/);
    const cachePath = path.join(temp, 'ssot-compile-cache', cacheFile!);
    const written = statSync(cachePath).mtimeMs;
    const second = runCli(['fixtures/cli/two-copies', '--format', 'json', '--no-cache'], { env: { TMPDIR: temp } });
    // Accepted by V8, so not made again.
    expect(statSync(cachePath).mtimeMs).toBe(written);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(disabled.stdout);
    expect(first.status).toBe(1);
  });
});
