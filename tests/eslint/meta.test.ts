import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/registry.js';
import ssot from '../../src/index.js';
import { packageJson } from '../../src/version.js';
import { repoRoot } from './support.js';

describe('the plugin object', () => {
  it('has meta from package.json and the ssot namespace', () => {
    expect(ssot.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'ssot' });
  });

  it('has one rule per check, and recommended turns every rule on', () => {
    expect(Object.keys(ssot.rules).sort()).toEqual(checks.map((c) => c.name).sort());
    const recommended = ssot.configs.recommended;
    expect(recommended.name).toBe('ssot/recommended');
    expect(recommended.plugins?.ssot).toBe(ssot);
    expect(Object.keys(recommended.rules ?? {}).sort()).toEqual(checks.map((c) => `ssot/${c.name}`).sort());
    expect(recommended.files).toEqual(['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs']);
    expect(recommended.languageOptions?.parserOptions).toMatchObject({ projectService: true });
  });
});

describe.each(checks.map((check) => [check.name, check] as const))('rule %s', (name, check) => {
  const rule = ssot.rules[name as keyof typeof ssot.rules];
  const doc = path.join(repoRoot, 'docs/rules', `${name}.md`);

  it('points docs.url at docs/rules/<name>.md and describes itself as the check does', () => {
    expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    expect(rule.meta.docs?.description).toBe(check.description);
  });

  it('requires type checking exactly when the check uses types', () => {
    expect(rule.meta.docs?.requiresTypeChecking).toBe(check.usesTypes);
  });

  it('accepts the options of ssot.config.json, never injects defaults, and has suggestions', () => {
    const [schema] = rule.meta.schema as unknown as [Record<string, unknown>];
    const properties = Object.keys((schema.properties as object) ?? {});
    expect(properties).toContain('ignore');
    expect(JSON.stringify(schema)).not.toMatch(/"default":/);
    expect(rule.meta.defaultOptions).toEqual([{}]);
    expect(rule.meta.hasSuggestions).toBe(true);
  });

  it('has a doc page with its options and examples', () => {
    expect(existsSync(doc), `${doc} is missing`).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text).toMatch(/^## Options/m);
    expect(text).toMatch(/^##+ .*(Example|Incorrect|Correct)/im);
    for (const option of Object.keys((check.optionsSchema as { properties?: object }).properties ?? {})) {
      expect(text, `option ${option} is documented`).toContain(option);
    }
  });
});
