import { describe, expect, it } from 'vitest';
import { isTestFile } from '../../src/checks/no-duplicate-helpers/helpers.js';
import { nameKey, namesCorroborate, wordCount } from '../../src/checks/no-duplicate-helpers/names.js';
import { factsOf, unitOf } from './support.js';

const same = (a: string, b: string, fileA = 'a.ts', fileB = 'b.ts') => {
  const [x, y] = [unitOf(a, fileA), unitOf(b, fileB)];
  return { exact: x.exact === y.exact, renamed: x.renamed === y.renamed, statements: x.statements.join() === y.statements.join() };
};

const BODY = `
  const parts = input.split(',');
  if (parts.length === 0) return [];
  return parts.map((part) => part.trim()).filter(Boolean);
`;

describe('normalization: what makes two bodies the same', () => {
  it('whitespace and comments are ignored', () => {
    const spaced = `function f(input: string) {\n  // split\n  const parts = input.split( ',' ) ;\n  if (parts.length === 0)\n    return [];\n  /* done */ return parts\n    .map((part) => part.trim())\n    .filter(Boolean);\n}`;
    expect(same(`function f(input: string) {${BODY}}`, spaced)).toEqual({ exact: true, renamed: true, statements: true });
  });

  it('consistently renamed parameters, locals and function name keep the renamed hash, not the exact one', () => {
    const renamed = `function g(text: string) {
      const items = text.split(',');
      if (items.length === 0) return [];
      return items.map((item) => item.trim()).filter(Boolean);
    }`;
    expect(same(`function f(input: string) {${BODY}}`, renamed)).toEqual({ exact: false, renamed: true, statements: true });
  });

  it('`if (x) return y;` equals `if (x) { return y; }`, and `if (a) {x; y}` differs from `if (a) {x} else {y}`', () => {
    expect(same(`function f(a: number) { if (a > 1) return a * 2; return a + 1; }`, `function f(a: number) { if (a > 1) { return a * 2; } return a + 1; }`).exact).toBe(true);
    expect(same(`function f(a: number) { if (a > 1) { a++; a--; } return a + 1; }`, `function f(a: number) { if (a > 1) { a++; } else { a--; } return a + 1; }`).renamed).toBe(false);
  });

  it('a declaration, an arrow with a block, an expression-bodied arrow and a method are one shape', () => {
    const declaration = unitOf(`function f(a: number, b: number) { return Math.max(a, b) * 2 + Math.min(a, b); }`);
    const arrow = unitOf(`const f = (a: number, b: number) => { return Math.max(a, b) * 2 + Math.min(a, b); };`);
    const expression = unitOf(`const f = (a: number, b: number) => Math.max(a, b) * 2 + Math.min(a, b);`);
    const method = unitOf(`class C { f(a: number, b: number) { return Math.max(a, b) * 2 + Math.min(a, b); } }`);
    expect(new Set([declaration.exact, arrow.exact, expression.exact, method.exact]).size).toBe(1);
    expect([declaration.kind, arrow.kind, expression.kind, method.kind]).toEqual(['function', 'arrow', 'arrow', 'method']);
  });

  it('types, `as`, `!`, `satisfies` and generics are ignored: a TS helper equals its JS copy', () => {
    const typed = `function first<T>(items: readonly T[], fallback: T): T { const value = items[0]! as T; return value === undefined ? fallback : (value satisfies T); }`;
    const plain = `function first(items, fallback) { const value = items[0]; return value === undefined ? fallback : value; }`;
    expect(same(typed, plain, 'a.ts', 'b.js').exact).toBe(true);
  });

  it('string and number literals are abstracted by the renamed hash, and listed for the literal budget', () => {
    const a = unitOf(`function f(n: number) { if (n > 10) throw new Error('too big'); return n * 3 + 1; }`);
    const b = unitOf(`function f(n: number) { if (n > 12) throw new Error('way too big'); return n * 3 + 1; }`);
    expect(a.renamed).toBe(b.renamed);
    expect(a.exact).not.toBe(b.exact);
    expect(a.literals.length).toBe(4);
  });

  it('case labels, discriminants and `typeof` comparisons are part of the shape', () => {
    const caseA = unitOf(`function f(k: string) { switch (k.trim()) { case 'a': return k.length + 1; default: return k.length * 2; } }`);
    const caseB = unitOf(`function f(k: string) { switch (k.trim()) { case 'b': return k.length + 1; default: return k.length * 2; } }`);
    expect(caseA.renamed).not.toBe(caseB.renamed);
    const typeofA = unitOf(`function f(v: unknown) { return typeof v === 'string' && String(v).trim().length > 0; }`);
    const typeofB = unitOf(`function f(v: unknown) { return typeof v === 'number' && String(v).trim().length > 0; }`);
    expect(typeofA.renamed).not.toBe(typeofB.renamed);
    const typeA = unitOf(`function f(m: { type: string }) { if (m.type === 'join') return m.id + 1; return m.id * 2; }`);
    const typeB = unitOf(`function f(m: { type: string }) { if (m.type === 'leave') return m.id + 1; return m.id * 2; }`);
    expect(typeA.renamed).not.toBe(typeB.renamed);
  });

  it("a literal that the helper's own name spells out is its identity (`emailField` building format 'email')", () => {
    const email = unitOf(`function emailField(p?: string) { const m = p ?? 'x'; return { format: 'email', m, kind: 'field' }; }`);
    const uuid = unitOf(`function uuidField(p?: string) { const m = p ?? 'x'; return { format: 'uuid', m, kind: 'field' }; }`);
    expect(email.renamed).not.toBe(uuid.renamed);
  });

  it('globals, imports and property names are not renamable: they say what the code does', () => {
    const base = `function f(v: string) { const t = v.trim(); return EMAIL.test(t) && t.length < 99; }`;
    expect(same(base, base.replace('EMAIL', 'HOSTNAME')).renamed).toBe(false);
    expect(same(base, base.replace('trim', 'trimStart')).renamed).toBe(false);
    expect(same(base, base.replace(/\bt\b/g, 'u')).renamed).toBe(true);
  });

  it('statement hashes: one per statement (nested ones included), with sizes and snippets', () => {
    const unit = unitOf(`function f(state: number | undefined) {
      if (state === undefined) {
        return 'unknown';
      }
      const name = NAMES[state];
      return name.toLowerCase();
    }`);
    expect(unit.statements).toHaveLength(4);
    expect(unit.weights.every((weight) => weight > 0)).toBe(true);
    expect(unit.snippets).toEqual(['if (state === undefined)', "return 'unknown';", 'const name = NAMES[state];', 'return name.toLowerCase();']);
  });
});

describe('what is a helper', () => {
  it('trivial bodies are not helpers', () => {
    const facts = factsOf(
      'a.ts',
      `
      class A {
        get x() { return this.inner.value; }
        name() { return this.n; }
        load(id: string) { return fetchUser(id, { cache: true, ...this.defaults }); }
        reset() {}
        todo() { throw new Error('not implemented'); }
        assign(v: number) { this.v = v; }
      }
      export function yes() { return true; }
      export const forward = (a: string) => other(a);
      `,
    );
    expect(facts.units).toEqual([]);
  });

  it('bodiless declarations and .d.ts files are not helpers', () => {
    expect(factsOf('a.ts', `export function f(a: string): number; declare function g(): void; abstract class A { abstract m(): void; }`).units).toEqual([]);
    expect(factsOf('a.d.ts', `export function f(a: string): number { const b = a.length * 2; return b + a.length * 3; }`).units).toEqual([]);
  });

  it('constructors, accessors and callbacks passed to calls are not helpers; their nested named helpers are', () => {
    const facts = factsOf(
      'a.ts',
      `
      class A {
        constructor(private readonly n: number) { const helper = (x: number) => { const y = x * 2; return Math.max(y, x + 1) * 3; }; this.n = helper(n); }
        get twice() { const y = this.n * 2; return Math.max(y, this.n + 1) * 3; }
      }
      export default defineConfig({ onSuccess() { const y = Date.now() * 2; console.log(Math.max(y, 3) * 3); } });
      items.forEach((item) => { const y = item * 2; console.log(Math.max(y, item + 1) * 3); });
      `,
    );
    expect(facts.units.map((unit) => unit.name)).toEqual(['helper']);
  });

  it('closures that read their enclosing function’s variables are not helpers', () => {
    const facts = factsOf(
      'a.ts',
      `export function outer(rows: number[], column: number) {
        const sum = () => { let total = 0; for (const row of rows) total += row * column; return total; };
        const pure = (values: number[]) => { let total = 0; for (const v of values) total += v * 2; return total; };
        return sum() + pure(rows);
      }`,
    );
    expect(facts.units.map((unit) => [unit.name, unit.parent])).toEqual([
      ['outer', -1],
      ['pure', 0],
    ]);
  });

  it('names, kinds, qualifiers and export status', () => {
    const facts = factsOf(
      'a.js',
      `
      function local(a) { const b = a * 2; return Math.max(b, a + 1) * 3; }
      exports.viaExports = function (a) { const b = a * 3; return Math.max(b, a + 1) * 3; };
      export default function (a) { const b = a * 4; return Math.max(b, a + 1) * 3; }
      const api = { method(a) { const b = a * 5; return Math.max(b, a + 1) * 3; } };
      export { local };
      `,
    );
    expect(facts.units.map((unit) => [unit.name, unit.kind, unit.exported, unit.qualifier ?? null])).toEqual([
      ['local', 'function', true, null],
      ['viaExports', 'function-expression', true, null],
      ['default', 'function', true, null],
      ['method', 'method', false, 'api'],
    ]);
  });

  it('generated files have no helpers; relative imports are recorded', () => {
    expect(factsOf('a.ts', `// @generated by protoc\nexport function f(a: number) { const b = a * 2; return Math.max(b, a + 1) * 3; }`)).toEqual({
      imports: [],
      units: [],
      generated: true,
    });
    const facts = factsOf('a.ts', `import { x } from './x.js';\nimport y from 'lib';\nexport * from '../z';\nconst w = require('./w');`);
    expect(facts.imports).toEqual(['../z', './w', './x.js']);
  });

  it('test files keep their imports but no helpers, unless tests are included', () => {
    const text = [
      `import { x } from './x.js';`,
      `export { y } from '../y';`,
      `namespace Inner { import z = require('./z'); }`,
      `declare module 'typed' { import hidden = require('./hidden'); }`,
      `export function setup(a: number) { const b = require('./late'); return b.run(a) + a * 2 + (a > 1 ? 3 : 4); }`,
      `export const load = () => import('./lazy');`,
    ].join('\n');
    const asTest = factsOf('src/__tests__/a.test.ts', text);
    const asSource = factsOf('src/a.ts', text);
    expect(asTest).toEqual({ imports: ['../y', './late', './lazy', './x.js', './z'], units: [] });
    expect(asTest.imports).toEqual(asSource.imports);
    expect(asSource.units.map((unit) => unit.name)).toEqual(['setup']);
    expect(factsOf('src/__tests__/a.test.ts', text, { includeTestsAndExamples: true }).units.map((unit) => unit.name)).toEqual(['setup']);
    // Without a require( or import( call in the text, only declarations are looked at, at any namespace depth.
    expect(factsOf('test/b.ts', `namespace A.B { export * from './deep'; }\nfunction f() { return 1; }`).imports).toEqual(['./deep']);
  });

  // TypeScript parses operator chains iteratively: `x + x + ...` nests 20,000 levels deep without
  // overflowing its own stack, so the extractor must not overflow on it either (nor lose the helper).
  it('survives 20,000 levels of nesting inside a helper', () => {
    const chain = `export function f(x: number) { const y = x * 2; return ${'x + '.repeat(20000)}y; }`;
    const arrows = `export function g(x: number) { const y = x * 2; return ${'() => '.repeat(400)}x + y; }`;
    expect(factsOf('chain.ts', chain).units.map((unit) => unit.name)).toEqual(['f']);
    expect(factsOf('arrows.ts', arrows).units.map((unit) => unit.name)).toEqual(['g']);
  });
});

describe('names as evidence', () => {
  it('normalizes case, underscores and separators', () => {
    expect(nameKey('_safe_websocket_state_for_logging')).toBe(nameKey('safeWebSocketStateForLogging'));
    expect(nameKey('safeWebsocketStateForLogging')).toBe('safewebsocketstateforlogging');
    expect(wordCount('safeWebSocketStateForLogging')).toBe(6);
    expect(wordCount('_safe_websocket_state_for_logging')).toBe(5);
    expect(wordCount('parseHTMLString')).toBe(3);
  });

  it('short names and method names shared by two members do not corroborate', () => {
    expect(namesCorroborate({ key: 'parseport', words: 2, member: false }, { key: 'parseport', words: 2, member: false })).toBe(true);
    expect(namesCorroborate({ key: 'render', words: 1, member: false }, { key: 'render', words: 1, member: false })).toBe(false);
    expect(namesCorroborate({ key: 'escapequerywithparameters', words: 4, member: true }, { key: 'escapequerywithparameters', words: 4, member: true })).toBe(false);
    expect(namesCorroborate({ key: 'escapequerywithparameters', words: 4, member: true }, { key: 'escapequerywithparameters', words: 4, member: false })).toBe(true);
  });
});

describe('what counts as a test, example or migration file', () => {
  it.each([
    'src/__tests__/a.test.ts',
    'src/wait.spec.ts',
    'apps/webapp/test/engine/triggerTask.test.helpers.ts',
    'apps/webapp/evals/dashboard-agent.eval.ts',
    'packages/integration-tests/src/api/roles.ts',
    'packages/schemas/alterations/1.13.0-1703229996-daily-token-usage.ts',
    'packages/schemas/alterations/next-1785393731-add-oidc-model-instances-account-id-partial-index.ts',
    'api/src/test-utils/knex.ts',
    'src/test-helpers/render.tsx',
    'src/database/migrations/mysql/1716300000000-AddTypeToChatFlow.ts',
    'packages/core/src/test-utils.ts',
    'packages/cli/src/testHelpers.tsx',
    'packages/account/src/jest.setup.ts',
    'src/setupTests.js',
    'src/ui/Button.stories.tsx',
    'templates/app-ts/src/plugins/support.ts',
    'packages/create-app/templates/basic/index.js',
    'packages/query-codemods/src/v5/__testfixtures__/default.input.tsx',
    'libs/testing/src/jobs.service.ts',
    'playground/src/main.ts',
    'drizzle-orm/type-tests/pg/select.ts',
    'src/typetests/query.ts',
    'src/select.test-d.ts',
  ])('%s is one', (file) => {
    expect(isTestFile(file)).toBe(true);
  });

  it.each([
    'src/utils/testing-library-free.ts',
    'src/contest/score.ts', 'src/attest.ts', 'src/alteration.ts', 'src/setup.ts', 'apps/remix/app/components/general/template/table.tsx', 'src/templates/email.ts', 'src/types/type-guards.ts',
    'app/src/modules/settings/routes/data-model/field-detail/store/alterations/m2m.ts',
  ])('%s is not', (file) => {
    expect(isTestFile(file)).toBe(false);
  });
});
