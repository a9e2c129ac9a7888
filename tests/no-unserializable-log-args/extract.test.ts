import path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, test } from 'vitest';
import type { ExtractContext } from '../../src/checks/types.js';
import { noUnserializableLogArgs } from '../../src/checks/no-unserializable-log-args/index.js';
import type { LogArgFacts, NoUnserializableLogArgsOptions } from '../../src/checks/no-unserializable-log-args/index.js';
import { fixturesDir } from './support.js';

const options = noUnserializableLogArgs.defaultOptions;

function context(sourceFile: ts.SourceFile, extra: Partial<ExtractContext<NoUnserializableLogArgsOptions>> = {}): ExtractContext<NoUnserializableLogArgsOptions> {
  return { ts, sourceFile, file: 'src/file.ts', options, relativePath: (p) => p, ...extra };
}

function summary(facts: LogArgFacts): string[] {
  return facts.problems.map((problem) => `${problem.range.line}:${problem.range.column} ${problem.kind} ${problem.path}${problem.morePaths ? ` +${problem.morePaths}` : ''}`);
}

describe('extract without a type checker', () => {
  test('reports only what the syntax proves, and never throws', () => {
    const text = [
      "console.log(JSON.stringify({ id: 10n, seen: new Set(), at: new Date() }));",
      'try { run(); } catch (e) { console.error(JSON.stringify({ e })); }',
      'const kept = JSON.stringify({ id: 10n });',
      'logger.info({ big: BigInt(1) }, "x");',
    ].join('\n');
    const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
    const facts = noUnserializableLogArgs.extract(context(sourceFile));
    expect(summary(facts)).toEqual(['1:34 bigint id', '1:45 map seen', '2:59 error e']);
  });

  test('1000 nested blocks around a 300-deep logged value are walked without overflowing the stack', () => {
    const blocks = 1000;
    const arrays = 300;
    const logged = `console.log(JSON.stringify(${'['.repeat(arrays)}1n${']'.repeat(arrays)}));`;
    const text = `${'{'.repeat(blocks)}${logged}${'}'.repeat(blocks)}`;
    const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
    expect(noUnserializableLogArgs.extract(context(sourceFile)).problems).toEqual([]);
  });
});

describe('extract with the user\'s own TypeScript (as the ESLint front end runs it)', () => {
  test('a Program from the `typescript` package finds the incident\'s problems', () => {
    const root = path.join(fixturesDir, 'incident');
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!config) throw new Error('tsconfig not parsed');
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    const checker = program.getTypeChecker();
    const sourceFile = program.getSourceFile(path.join(root, 'src/websocket_core/manager.ts'))!;
    const facts = noUnserializableLogArgs.extract(
      context(sourceFile, { checker, program, file: 'src/websocket_core/manager.ts', relativePath: (p) => path.relative(root, p) }),
    );
    expect(summary(facts)).toEqual(['22:53 numeric-enum state', '29:52 bigint bytesSent', '29:68 error error']);
    expect(facts.problems[1]!.sink).toEqual({
      label: 'jsonLogger.error',
      serializer: 'json',
      declaredAt: { file: 'src/logging/json_logger.ts', line: 12, column: 3 },
      serializedAt: { file: 'src/logging/json_logger.ts', line: 4, column: 24 },
    });
  });

  test('self-referencing types terminate; one written value gives one problem per kind, naming the first path', () => {
    const text = [
      'interface Json { [key: string]: Json | string }',
      'interface Chain { next: Chain; value: bigint }',
      'type Deep<T> = { inner: Deep<T[]>; value: T };',
      'declare const json: Json, chain: Chain, deep: Deep<bigint>;',
      'console.log(JSON.stringify({ json, chain, deep }));',
    ].join('\n');
    const host = ts.createCompilerHost({ strict: true, noEmit: true, types: [] });
    const original = host.getSourceFile;
    host.getSourceFile = (name, version) => (name === 'file.ts' ? ts.createSourceFile(name, text, version, true) : original(name, version));
    const program = ts.createProgram({ rootNames: ['file.ts'], options: { strict: true, noEmit: true, types: [] }, host });
    const sourceFile = program.getSourceFile('file.ts')!;
    const facts = noUnserializableLogArgs.extract(context(sourceFile, { checker: program.getTypeChecker(), program }));
    expect(summary(facts)).toEqual(['5:36 cycle chain', '5:43 bigint deep.inner.value[] +1']);
  });
});

describe('prepare', () => {
  test('what it gives for a separate parse of the same text lets extract find what it finds alone', () => {
    const text = [
      'function logLine(fields: object) {',
      '  console.log(JSON.stringify(fields));',
      '}',
      'export function report(count: bigint) {',
      '  logLine({ count });',
      '}',
    ].join('\n');
    // A fresh Program each time: facts computed from its own source file, or with the prepared part.
    const extractInProgram = (prepared?: unknown) => {
      const options = { strict: true, noEmit: true, types: [] };
      const host = ts.createCompilerHost(options);
      const original = host.getSourceFile;
      host.getSourceFile = (name, version) => (name === 'file.ts' ? ts.createSourceFile(name, text, version, true) : original(name, version));
      const program = ts.createProgram({ rootNames: ['file.ts'], options, host });
      const sourceFile = program.getSourceFile('file.ts')!;
      return noUnserializableLogArgs.extract(context(sourceFile, { checker: program.getTypeChecker(), program, prepared }));
    };
    const alone = extractInProgram();
    expect(summary(alone)).toEqual(['5:13 bigint count']);
    const separate = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
    const prepared = structuredClone(noUnserializableLogArgs.prepare!(ts, separate, options));
    expect(extractInProgram(prepared)).toEqual(alone);
    // And it is what the extraction uses: a text that forwards nothing prepared makes no wrapper.
    expect(extractInProgram({ names: [], calls: [] }).problems).toEqual([]);
  });
});

describe('run', () => {
  test('is deterministic and keeps line numbers out of identities', () => {
    const sourceFile = ts.createSourceFile('file.ts', 'console.log(JSON.stringify({ id: 10n }));', ts.ScriptTarget.Latest, true);
    const facts = noUnserializableLogArgs.extract(context(sourceFile));
    const drafts = noUnserializableLogArgs.run({ files: [{ file: 'src/file.ts', facts }] }, options);
    expect(drafts).toEqual(noUnserializableLogArgs.run({ files: [{ file: 'src/file.ts', facts: JSON.parse(JSON.stringify(facts)) }] }, options));
    expect(drafts.map((draft) => draft.identity)).toEqual(['bigint||id|JSON.stringify']);
  });
});
