import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/registry.js';
import { ruleIdOf } from '../../src/checks/types.js';
import { configSchema } from '../../src/config/schema.js';

describe('schema.json', () => {
  it('is the schema the checks define (run `npm run schema` after changing an option)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configSchema())));
  });

  it('names every rule, and every rule takes the common ignore option', () => {
    const rules = (configSchema().properties as { rules: { properties: Record<string, { oneOf: [unknown, { prefixItems: [unknown, { properties: object }] }] }> } }).rules.properties;
    expect(Object.keys(rules)).toEqual(checks.map(ruleIdOf));
    for (const entry of Object.values(rules)) expect(entry.oneOf[1].prefixItems[1].properties).toHaveProperty('ignore');
  });
});
