import { describe, expect, it } from 'vitest';
import { runOn } from './support.js';

const lines = (files: Record<string, string>, options = {}) =>
  runOn(files, options).map((finding) => `${finding.file}:${finding.range.line} ${finding.severity} ${finding.message}`);

const HELPER = (name: string, extra = '') => `export function ${name}(items: string[], limit: number): string {
  const kept = items.filter((item) => item.length > 0);
  if (kept.length > limit) {
    return kept.slice(0, limit).join(', ') + ' and more';
  }${extra}
  return kept.join(', ');
}
`;

describe('grouping and canonical choice', () => {
  it('copies within one file are one family; the first is canonical', () => {
    expect(lines({ 'src/a.ts': HELPER('listA') + HELPER('listB').replace('export ', '') })).toEqual([
      'src/a.ts:8 error listB duplicates listA (src/a.ts:1); call it instead',
    ]);
  });

  it('an exported copy wins over a non-exported one; a non-exported canonical is to be exported', () => {
    expect(lines({ 'src/a.ts': HELPER('summarize').replace('export ', ''), 'src/z/b.ts': HELPER('summarize') })).toEqual([
      'src/a.ts:1 error summarize duplicates summarize (src/z/b.ts:1); import it instead',
    ]);
    expect(lines({ 'src/a.ts': HELPER('summarize').replace('export ', ''), 'src/z/b.ts': HELPER('summarize').replace('export ', '') })).toEqual([
      'src/z/b.ts:1 error summarize duplicates summarize (src/a.ts:1); export it and import it instead',
    ]);
  });

  it('methods of two classes are told to share the code, not to reuse a method of the other class', () => {
    const method = (name: string) => HELPER(name).replace('export function', '  ').replace(/\n(?=.)/g, '\n  ');
    expect(lines({ 'src/a.ts': `export class A {\n${method('summarize')}}\n`, 'src/b.ts': `export class B {\n${method('summarize')}}\n` })).toEqual([
      'src/b.ts:2 error B.summarize duplicates A.summarize (src/a.ts:2); move it to a function or base class both use',
    ]);
  });

  it('a copy in a backup file (http_bkp.ts, utils.old.ts) is never canonical, and its finding says deleting the backup may be the fix', () => {
    expect(lines({ 'src/core/http_bkp.ts': HELPER('summarize'), 'src/http.ts': HELPER('summarize').replace('export ', '') })).toEqual([
      'src/core/http_bkp.ts:1 error summarize duplicates summarize (src/http.ts:1); its file looks like a backup: delete it if nothing uses it, or export it and import it instead',
    ]);
    // `deep-copy.ts` is no backup.
    expect(lines({ 'src/deep-copy.ts': HELPER('summarize'), 'src/z/b.ts': HELPER('summarize') })).toEqual([
      'src/z/b.ts:1 error summarize duplicates summarize (src/deep-copy.ts:1); import it instead',
    ]);
  });

  it('the copy in the most shared folder wins when nothing else decides', () => {
    expect(lines({ 'src/deep/er/a.ts': HELPER('summarize'), 'src/b.ts': HELPER('summarize') })).toEqual([
      'src/deep/er/a.ts:1 error summarize duplicates summarize (src/b.ts:1); import it instead',
    ]);
  });

  it('application code is not told to import from a one-off script or seeder, even one higher in the tree', () => {
    expect(lines({ 'apps/web/seed-metrics.mts': HELPER('summarize'), 'apps/web/app/a.ts': HELPER('summarize'), 'apps/web/app/b.ts': HELPER('summarize') })).toEqual([
      'apps/web/app/b.ts:1 error summarize duplicates summarize (apps/web/app/a.ts:1); import it instead',
      'apps/web/seed-metrics.mts:1 error summarize duplicates summarize (apps/web/app/a.ts:1); import it instead',
    ]);
    expect(lines({ 'scripts/report.ts': HELPER('summarize'), 'src/deep/a.ts': HELPER('summarize') })).toEqual([
      'scripts/report.ts:1 error summarize duplicates summarize (src/deep/a.ts:1); import it instead',
    ]);
  });

  it('no copy is told to import from an entry point, which would run it: another copy is canonical, or the code moves', () => {
    const worker = (name: string) => `${HELPER('summarize').replace('export ', '')}\nprocess.on('SIGTERM', () => process.exit(0));\n${name}().catch(() => process.exit(1));\nasync function ${name}() {}\n`;
    expect(lines({ 'src/a.ts': worker('main'), 'src/b.ts': worker('bootstrap') })).toEqual([
      'src/b.ts:1 error summarize duplicates summarize (src/a.ts:1); move it to a module both can import (its file is an entry point that runs when imported)',
    ]);
    expect(lines({ 'src/a.ts': worker('main'), 'src/lib/z/b.ts': HELPER('summarize') })).toEqual([
      'src/a.ts:1 error summarize duplicates summarize (src/lib/z/b.ts:1); import it instead',
    ]);
  });

  it('a script calling its own function, or a module patching an imported one when loaded, is an entry point too', () => {
    const script = (dest: string) => `${HELPER('summarize').replace('export ', '')}\nconst download = async (files: string[]) => console.log(${dest}, summarize(files, 3));\ndownload(process.argv.slice(2));\n`;
    const entry = 'move it to a module both can import (its file is an entry point that runs when imported)';
    expect(lines({ 'scripts/a.ts': script("'a'"), 'scripts/b.ts': script("'b'") })).toEqual([`scripts/b.ts:1 error summarize duplicates summarize (scripts/a.ts:1); ${entry}`]);
    // A module that exports what others use, and calls its own set-up when loaded, is a library.
    const library = `${HELPER('summarize')}\nfunction setUp() {}\nsetUp();\n`;
    expect(lines({ 'src/a.ts': library, 'src/b.ts': HELPER('summarize').replace('export ', '') })).toEqual(['src/b.ts:1 error summarize duplicates summarize (src/a.ts:1); import it instead']);
    const patcher = `import fs from 'node:fs';\n${HELPER('summarize')}\nfs.readFileSync = (() => '') as typeof fs.readFileSync;\n`;
    // The patcher's copy is not canonical: the other is, though not exported yet.
    expect(lines({ 'src/a.ts': patcher, 'src/b.ts': HELPER('summarize').replace('export ', '') })).toEqual(['src/a.ts:2 error summarize duplicates summarize (src/b.ts:1); export it and import it instead']);
  });

  it("`require('pkg')` and `import pkg from 'pkg'` bind one module: copies reading it are plain copies", () => {
    const body = `(source) {\n  const tree = parse(source);\n  traverse.default(tree, {});\n  return generate(tree).code + source.length;\n}\n`;
    const esm = `import traverse from '@babel/traverse';\nimport generate from '@babel/generator';\nimport { parse } from '@babel/parser';\nexport function transform${body}`;
    const cjs = `const traverse = require('@babel/traverse');\nconst generate = require('@babel/generator');\nconst { parse } = require('@babel/parser');\nfunction transform${body}module.exports = { transform };\n`;
    expect(lines({ 'lib/loader.js': esm, 'lib/preload.cjs': cjs })).toEqual(['lib/preload.cjs:4 error transform duplicates transform (lib/loader.js:4); import it instead']);
    // Two packages are still two values.
    expect(lines({ 'lib/loader.js': esm, 'lib/preload.cjs': cjs.replace("require('@babel/generator')", "require('astring')") })[0]).toMatch(/except for the module-level `generate`/);
  });

  it('`module.exports = function` is the module\'s export: a copy is told to import it', () => {
    const plugin = `'use strict';\n\nmodule.exports = async function (app) {\n  app.get('/hello', async () => {\n    const started = Date.now();\n    const body = { service: 'hello', started };\n    return body;\n  });\n};\n`;
    expect(lines({ 'services/a/plugin.js': plugin, 'services/b/plugin.js': plugin })).toEqual([
      'services/b/plugin.js:3 error module.exports duplicates module.exports (services/a/plugin.js:3); import it instead',
    ]);
  });

  it("platform variants: native code is not told to import the web variant's copy, nor shared code a platform's", () => {
    expect(lines({ 'src/storage/storage.web.ts': HELPER('summarize'), 'src/storage/storage.native.ts': HELPER('summarize') })).toEqual([
      'src/storage/storage.web.ts:1 error summarize duplicates summarize (src/storage/storage.native.ts:1); move it to a module both can import (not a .native module)',
    ]);
    expect(lines({ 'src/storage/storage.web.ts': HELPER('summarize'), 'src/storage/z/index.ts': HELPER('summarize') })).toEqual([
      'src/storage/storage.web.ts:1 error summarize duplicates summarize (src/storage/z/index.ts:1); import it instead',
    ]);
  });

  it('one module in two formats (lib/cjs and lib/esm, index.js and index.mjs) is one module: only a diverging copy is news', () => {
    const js = (name: string, extra = '') => HELPER(name, extra).replace('export function', 'function').replace(/: string\[\]|: number|: string(?= \{)/g, '');
    expect(lines({ 'lib/cjs/index.js': js('summarize'), 'lib/esm/index.js': js('summarize') })).toEqual([]);
    expect(lines({ 'src/index.js': js('summarize'), 'src/index.mjs': js('summarize') })).toEqual([]);
    expect(lines({ 'lib/cjs/index.js': js('summarize'), 'lib/esm/index.js': js('summarize', "\n  console.log('kept', kept.length);") })).toEqual([
      "lib/esm/index.js:1 warning summarize is a diverging copy of summarize (lib/cjs/index.js:1): it has 'console.log('kept', kept.length);' that the canonical copy lacks",
    ]);
    // A third module's copy is still a copy; and `lib/cjs` beside `src/` is no twin.
    expect(lines({ 'lib/cjs/index.js': js('summarize'), 'lib/esm/index.js': js('summarize'), 'src/index.js': js('summarize') }).length).toBe(2);
    expect(lines({ 'lib/cjs/util.js': js('summarize'), 'src/util.js': js('summarize') }).length).toBe(1);
  });

  it('migrations in any *_migrations/ or *-migrations/ folder are self-contained by design', () => {
    expect(lines({ 'db/knex_migrations/2023-a.ts': HELPER('summarize'), 'db/knex_migrations/2023-b.ts': HELPER('summarize') })).toEqual([]);
    expect(lines({ 'db/db-migrations/a.ts': HELPER('summarize'), 'db/db-migrations/b.ts': HELPER('summarize') })).toEqual([]);
  });

  it('a function assigned to Emitter.prototype.on or utils.format is reached by that name', () => {
    const assigned = (owner: string) => `${owner}.summarize = ${HELPER('x').replace('export function x', 'function ')}`;
    expect(lines({ 'src/a.js': `function A() {}\n${assigned('A.prototype')}`, 'src/b.js': `function B() {}\n${assigned('B.prototype')}` })).toEqual([
      'src/b.js:2 error B.summarize duplicates A.summarize (src/a.js:2); move it to a function or base class both use',
    ]);
  });

  it('a member of an exported object copied whole is reached by importing the object; a class member is not', () => {
    const encoder = (keyword: string) => `${keyword} jsonEncoder = {
  encode: (data: unknown) => JSON.stringify(data),
  decode(data: unknown) {
    if (typeof data !== 'string') {
      throw new Error('jsonEncoder received binary data: use a binary encoder');
    }
    return JSON.parse(data);
  },
};
`;
    expect(lines({ 'src/server/encoder.ts': encoder('export const'), 'src/client/encoder.ts': encoder('const') })).toEqual([
      'src/client/encoder.ts:3 error jsonEncoder.decode duplicates jsonEncoder.decode (src/server/encoder.ts:3); import jsonEncoder instead',
    ]);
    expect(lines({ 'src/server/encoder.ts': encoder('const'), 'src/client/encoder.ts': encoder('const') })).toEqual([
      'src/server/encoder.ts:3 error jsonEncoder.decode duplicates jsonEncoder.decode (src/client/encoder.ts:3); move it to a function or base class both use',
    ]);
  });

  it('browser code is not told to import from a .server module, which only server and route modules can import', () => {
    expect(lines({ 'app/a/prices.server.ts': HELPER('summarize'), 'app/components/z/b.tsx': HELPER('summarize') })).toEqual([
      'app/a/prices.server.ts:1 error summarize duplicates summarize (app/components/z/b.tsx:1); import it instead',
    ]);
    expect(lines({ 'app/models/prices.server.ts': HELPER('summarize'), 'app/components/b.tsx': HELPER('summarize'), 'app/components/c.tsx': HELPER('summarize') }, { canonical: { summarize: 'app/models/prices.server.ts' } })).toEqual([
      'app/components/b.tsx:1 error summarize duplicates summarize (app/models/prices.server.ts:1); move it to a module both can import (not a .server module)',
      'app/components/c.tsx:1 error summarize duplicates summarize (app/models/prices.server.ts:1); move it to a module both can import (not a .server module)',
    ]);
    expect(lines({ 'app/a/prices.server.ts': HELPER('summarize'), 'app/routes/z/pricing.tsx': HELPER('summarize') })).toEqual([
      'app/routes/z/pricing.tsx:1 error summarize duplicates summarize (app/a/prices.server.ts:1); import it instead',
    ]);
  });

  it('the most imported file wins among exported copies nobody in the family imports', () => {
    expect(
      lines({
        'src/a/x.ts': HELPER('summarize'),
        'src/b/y.ts': HELPER('summarize'),
        'src/c/use1.ts': `import { other } from '../b/y.js';`,
        'src/c/use2.ts': `import { other } from '../b/y';`,
      }),
    ).toEqual(['src/a/x.ts:1 error summarize duplicates summarize (src/b/y.ts:1); import it instead']);
  });

  it('the canonical option names the copy by helper name and file', () => {
    expect(lines({ 'src/a.ts': HELPER('summarize'), 'src/b.ts': HELPER('summarize') }, { canonical: { summarize: 'src/b.ts' } })).toEqual([
      'src/a.ts:1 error summarize duplicates summarize (src/b.ts:1); import it instead',
    ]);
  });

  it('near-miss: matching names lower the threshold; different names need a pure addition', () => {
    const extra = `\n  if (kept.length === 1) {\n    return kept[0]!.trim().toUpperCase() + '!';\n  }`;
    // Same name: one added statement block is a diverging copy.
    expect(lines({ 'src/a.ts': HELPER('summarize_items'), 'src/b.ts': HELPER('summarizeItems', extra) })).toEqual([
      "src/b.ts:1 warning summarizeItems is a diverging copy of summarize_items (src/a.ts:1): it has 'if (kept.length === 1)' (+1 more statement) that the canonical copy lacks",
    ]);
    // Different names and a changed statement: different work, silent.
    const changed = HELPER('joinLabels').replace("return kept.join(', ');", "return kept.reverse().join(', ');");
    expect(lines({ 'src/a.ts': HELPER('summarize'), 'src/b.ts': changed })).toEqual([]);
  });

  it('variables wired differently: a diverging copy under one name, different work under two', () => {
    const lookup = (name: string, compared: string, returned: string) => `export function ${name}(map: Record<string, string>, value: string): string {
  const lower = value.toLowerCase();
  for (const [internal, friendly] of Object.entries(map)) {
    if (${compared}.toLowerCase() === lower) {
      return ${returned};
    }
  }
  return value;
}
`;
    expect(lines({ 'src/a.ts': lookup('toFriendly', 'internal', 'friendly'), 'src/b.ts': lookup('to_friendly', 'friendly', 'internal') })).toEqual([
      'src/b.ts:1 warning to_friendly is a diverging copy of toFriendly (src/a.ts:1): its statements match but it passes its parameters and variables differently',
    ]);
    // A lookup and its inverse, silent. With its variables renamed too, a rewiring cannot be told from a renaming
    // that shadows differently: still reported.
    expect(lines({ 'src/a.ts': lookup('toFriendly', 'internal', 'friendly') + lookup('toInternal', 'friendly', 'internal') })).toEqual([]);
    const renamedToo = lookup('toLabel', 'friendly', 'internal').replaceAll('internal', 'key').replaceAll('friendly', 'label');
    expect(lines({ 'src/a.ts': lookup('toFriendly', 'internal', 'friendly'), 'src/b.ts': renamedToo })).toEqual([
      'src/b.ts:1 warning toLabel is a diverging copy of toFriendly (src/a.ts:1): its statements match but it passes its parameters and variables differently',
    ]);
  });

  it('copies whose statements match but whose signatures differ say how (async, a destructured property, a default)', () => {
    const metrics = (name: string, prefix: string, id: string) => `export ${prefix}function ${name}({ ${id} }: { ${id}: string }, limit = 10) {
  const rows = load(${id});
  const kept = rows.filter((row) => row.value > 0);
  if (kept.length > limit) {
    return kept.slice(0, limit);
  }
  return kept;
}
declare function load(id: string): Array<{ value: number }>;
`;
    expect(lines({ 'src/a.ts': metrics('linkMetrics', '', 'linkId'), 'src/b.ts': metrics('linkMetrics', 'async ', 'linkId') })).toEqual([
      "src/b.ts:1 warning linkMetrics is a diverging copy of linkMetrics (src/a.ts:1): its statements match but its signature differs: 'async ({ linkId }: { linkId: string }, limit = 10)' where the canonical copy has '({ linkId }: { linkId: string }, limit = 10)'",
    ]);
    expect(lines({ 'src/a.ts': metrics('linkMetrics', '', 'linkId'), 'src/b.ts': metrics('pixelMetrics', '', 'pixelId') })).toEqual([
      "src/b.ts:1 warning pixelMetrics is a diverging copy of linkMetrics (src/a.ts:1): its statements match but its signature differs: '({ pixelId }: { pixelId: string }, limit = 10)' where the canonical copy has '({ linkId }: { linkId: string }, limit = 10)'",
    ]);
  });

  it("a callback's parameter that shadows a variable is a variable of its own: a copy that renamed the outer one is a renamed copy", () => {
    const filter = (name: string, outer: string) => `export function ${name}(items: Array<{ tags: string[] }>, wanted: string): boolean {
  const ${outer} = items.find((tag) => tag.tags.includes(wanted));
  if (!${outer}) {
    return false;
  }
  return ${outer}.tags.length > 1;
}
`;
    expect(lines({ 'src/a.ts': filter('hasTag', 'tag'), 'src/b.ts': filter('hasLabel', 'found') })).toEqual([
      'src/b.ts:1 error hasLabel duplicates hasTag (src/a.ts:1); import it instead',
    ]);
  });

  it('different names with one changed literal are copies; with two, different work', () => {
    const oneChanged = HELPER('describeList').replace("' and more'", "' and others'");
    expect(lines({ 'src/a.ts': HELPER('summarize'), 'src/b.ts': oneChanged })).toEqual([
      'src/b.ts:1 error describeList duplicates summarize (src/a.ts:1); import it instead, with the literal that differs as a parameter',
    ]);
    const twoChanged = oneChanged.replace("', '", "'; '");
    expect(lines({ 'src/a.ts': HELPER('summarize'), 'src/b.ts': twoChanged })).toEqual([]);
  });

  it('a port using its own module names is a copy only when the names match', () => {
    const canonical = `import { LABELS } from './labels.js';\nexport function labelForCode(code: number): string {\n  if (code < 0) return 'invalid';\n  const label = LABELS[code];\n  return label === undefined ? 'unknown' : label.toLowerCase();\n}\n`;
    const port = canonical.replace("import { LABELS } from './labels.js';", "const NAMES = ['A', 'B'];").replace('LABELS[code]', 'NAMES[code]');
    expect(lines({ 'src/a.ts': canonical, 'legacy/b.js': port })).toEqual([
      'legacy/b.js:2 error labelForCode duplicates labelForCode (src/a.ts:2); import it instead',
    ]);
    expect(lines({ 'src/a.ts': canonical, 'legacy/b.js': port.replace('labelForCode', 'describeCode') })).toEqual([]);
  });

  it('output is deterministic and independent of file order in the index', () => {
    const files = { 'src/a.ts': HELPER('x1'), 'src/b.ts': HELPER('x2'), 'src/c.ts': HELPER('x3') };
    const first = JSON.stringify(runOn(files));
    expect(JSON.stringify(runOn({ 'src/c.ts': files['src/c.ts'], 'src/a.ts': files['src/a.ts'], 'src/b.ts': files['src/b.ts'] }))).toBe(first);
  });

  it('identities do not contain line numbers', () => {
    const before = runOn({ 'src/a.ts': HELPER('summarize'), 'src/b.ts': HELPER('summarize') });
    const after = runOn({ 'src/a.ts': HELPER('summarize'), 'src/b.ts': `// moved\n\n${HELPER('summarize')}` });
    expect(after[0]!.range.line).toBe(before[0]!.range.line + 2);
    expect(after[0]!.identity).toBe(before[0]!.identity);
  });
});

describe('diverging copies with one changed statement', () => {
  it('quote both versions from just before they part, when their common start is long', () => {
    const helper = (extra: string) =>
      [
        'export function buildQuery(method: string, code: string, config: object) {',
        `  const parameters = { method, format: 'JSON', version: '1.0', grant_type: 'authorization_code', code, ${extra}...config };`,
        '  const query = new URLSearchParams(parameters as Record<string, string>);',
        '  query.sort();',
        "  if (query.size === 0) throw new Error('empty query for ' + method + ' with ' + code);",
        "  const signature = createHmac('sha256', String(method)).update(query.toString()).digest('hex');",
        "  query.append('signature', signature.slice(0, 32).toUpperCase());",
        "  console.debug('signed ' + query.size + ' parameters for ' + method, { signature, code });",
        '  return query.toString();',
        '}',
        '',
      ].join('\n');
    const [finding] = lines({ 'src/a.ts': helper("charset: 'utf8', "), 'src/b.ts': helper('') });
    expect(finding).toBe(
      "src/b.ts:1 warning buildQuery is a diverging copy of buildQuery (src/a.ts:1): it has '…ode', code, ...config };' where the canonical copy has '…ode', code, charset: 'utf8', ...config };'",
    );
  });
});

describe('copies and the modules they import from', () => {
  const parser = (from: string) =>
    `import { schema } from '${from}';\nexport function parseKeys(value: string) {\n  const parsed = JSON.parse(value);\n  const keys = schema.parse(parsed);\n  return keys.filter((key: string) => key.length > 0);\n}\n`;

  it('one module imported through an alias and through a relative path is one value', () => {
    expect(lines({ 'apps/web/src/core/a.ts': parser('../shared/schema'), 'apps/web/src/sdk/b.ts': parser('@/shared/schema') })).toEqual([
      'apps/web/src/sdk/b.ts:2 error parseKeys duplicates parseKeys (apps/web/src/core/a.ts:2); import it instead',
    ]);
  });

  it('one name imported from two modules is two values: take it as a parameter', () => {
    expect(lines({ 'connectors/amazon/index.ts': parser('./schema'), 'connectors/line/index.ts': parser('./schema') })).toEqual([
      'connectors/line/index.ts:2 error parseKeys duplicates parseKeys (connectors/amazon/index.ts:2) except for the module-level `schema` each reads: share one copy that takes it as a parameter',
    ]);
  });
});

describe('copies under one name whose text is the work', () => {
  const query = (sql: string[]) =>
    `export function relationalQuery(websiteId: string, filters: object) {\n  const params = { ...filters, websiteId };\n  const where = buildWhere(params);\n  return rawQuery(\`${sql[0]} \${where} ${sql[1]} \${where} ${sql[2]}\`, params);\n}\n`;

  it('are not copies when most of their literals differ (two SQL queries)', () => {
    const a = query(['select count(*) from events where', 'and type = 1 union all select count(*) from sessions where', 'group by 1']);
    const b = query(['select data_key, count(*) from event_data where', 'and kind = 2 union select 0 from logs where', 'order by 2 desc']);
    expect(lines({ 'src/a.ts': a, 'src/b.ts': b })).toEqual([]);
    const c = query(['select count(*) from events where', 'and type = 1 union all select count(*) from sessions where', 'group by 2']);
    expect(lines({ 'src/a.ts': a, 'src/c.ts': c })).toEqual(['src/c.ts:1 error relationalQuery duplicates relationalQuery (src/a.ts:1); import it instead, with the literal that differs as a parameter']);
  });
});

describe('one-statement helpers', () => {
  const flatten = (name: string, type: string) =>
    `export type ${type} = { pages: { data: string[] }[] };\nexport function ${name}(data?: ${type}): string[] {\n  return data?.pages.flatMap((page) => page.data) ?? [];\n}\n`;

  it('over other parameter types are to be made generic: importing one as it is would not type-check', () => {
    expect(lines({ 'src/surveys.ts': flatten('flattenSurveyPages', 'SurveyPages'), 'src/workflows.ts': flatten('flattenWorkflowPages', 'WorkflowPages') })).toEqual([
      'src/workflows.ts:2 error flattenWorkflowPages duplicates flattenSurveyPages (src/surveys.ts:2); make it generic and import it instead',
    ]);
    expect(lines({ 'src/surveys.ts': flatten('flattenSurveyPages', 'Pages'), 'src/workflows.ts': flatten('flattenWorkflowPages', 'Pages') })).toEqual([
      'src/workflows.ts:2 error flattenWorkflowPages duplicates flattenSurveyPages (src/surveys.ts:2); import it instead',
    ]);
  });

  it('projecting one field of each element are trivial', () => {
    const projection = (name: string, row: string) => `export function ${name}(rows: { id: string; name: string }[]) {\n  return rows.map((${row}) => ${row}.name);\n}\n`;
    expect(lines({ 'src/emoji.ts': projection('mapCustomEmojiNames', 'c'), 'src/saved.ts': projection('getPostIDs', 'preference') })).toEqual([]);
  });
});

describe('advice for copies no name reaches', () => {
  const BODY = `(snapshot: { h: number }, event: { height?: number; raw?: number }) => {
      if (event.height !== undefined && event.raw !== undefined && event.height > 0) {
        return { h: event.height + snapshot.h + event.raw };
      }
      return undefined;
    }`;

  it('a function in a row of a table is to be extracted, since neither copy can call the other', () => {
    const table = `export const transitions = [\n  { from: State.IDLE, to: State.OPEN, action: ${BODY} },\n  { from: State.IDLE, to: State.MOVING, action: ${BODY} },\n];\n`;
    expect(lines({ 'src/idle.ts': table })).toEqual([
      'src/idle.ts:8 error action duplicates action (src/idle.ts:2); extract one named function and use it in both places',
    ]);
  });

  it('a member of a mixin class is to be shared by a function or base class, not moved to module level', () => {
    const mixin = (name: string, own: string) =>
      `export const ${name} = (superclass: new () => { fetchJson(url: string): Promise<unknown> }) => class extends superclass {\n  load = async (id: string) => {\n    const url = \`/api/items/\${id}\`;\n    const body = await this.fetchJson(url);\n    return { id, body };\n  };\n  ${own}\n};\n`;
    const own = (path: string) => `list = async () => (await this.fetchJson('${path}')) as unknown[];`;
    expect(lines({ 'src/a.ts': mixin('WithItems', own('/api/items')), 'src/b.ts': mixin('WithThings', own('/api/things').replace('list', 'all')) })).toEqual([
      'src/b.ts:2 error load duplicates load (src/a.ts:2); move it to a function or base class both use',
    ]);
  });
});
