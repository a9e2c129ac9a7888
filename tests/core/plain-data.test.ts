import { describe, expect, it } from 'vitest';
import { samePlainData } from '../../src/core/plain-data.js';

describe('samePlainData', () => {
  it('says what comparing the JSON would say', () => {
    const cases: Array<[unknown, unknown]> = [
      [{ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }],
      [{ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] }],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }],
      [{ a: 1, c: undefined }, { a: 1 }],
      [{ a: [] }, { a: {} }],
      [undefined, { a: 1 }],
      [undefined, undefined],
      [{ a: null }, { a: null }],
      [{ a: 'x' }, { a: 'y' }],
      [[{ a: 1 }], [{ a: 1, b: 1 }]],
    ];
    for (const [a, b] of cases) expect(samePlainData(a, b), JSON.stringify([a, b])).toBe(a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b)));
  });

  it('leaves out the ignored properties at any depth', () => {
    const ignored = new Set(['range']);
    expect(samePlainData({ a: 1, range: { line: 1 }, b: [{ range: 2, c: 3 }] }, { a: 1, range: { line: 9 }, b: [{ c: 3 }] }, ignored)).toBe(true);
    expect(samePlainData({ a: 1, range: 1 }, { a: 2, range: 1 }, ignored)).toBe(false);
    expect(samePlainData({ range: 1, a: 1, b: 2 }, { b: 2, a: 1 }, ignored)).toBe(false);
  });
});
