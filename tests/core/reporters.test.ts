import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { newFindings } from '../../src/report/baseline.js';
import { formatGithub } from '../../src/report/github.js';
import { formatSarif } from '../../src/report/sarif.js';

const finding: Finding = {
  ruleId: 'ssot/no-unserializable-log-args',
  severity: 'warning',
  message: 'state is 100% opaque:\nlog its name',
  file: 'src/a,b:c.ts',
  range: { line: 3, column: 5, endLine: 3, endColumn: 10 },
  related: [{ file: 'src/enum.ts', line: 1, column: 13, message: 'declared here' }],
  fingerprint: '0123456789abcdef',
  suggestions: [{ message: 'Log the name', range: { line: 3, column: 5, endLine: 3, endColumn: 10 }, text: 'State[state]' }],
};

describe('reporters', () => {
  it('github: escapes what the runner would read as a delimiter in properties and in the message', () => {
    expect(formatGithub([finding])).toBe(
      '::warning file=src/a%2Cb%3Ac.ts,line=3,endLine=3,col=5,endColumn=10,title=ssot/no-unserializable-log-args::' +
        'state is 100%25 opaque:%0Alog its name%0Adeclared here: src/enum.ts:1:13\n',
    );
    expect(formatGithub([])).toBe('');
  });

  it('sarif: suggestions become fixes, never applied by the reporter itself', () => {
    const [result] = JSON.parse(formatSarif([finding])).runs[0].results;
    expect(result.fixes).toEqual([
      {
        description: { text: 'Log the name' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'src/a,b:c.ts', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 10 }, insertedContent: { text: 'State[state]' } }],
          },
        ],
      },
    ]);
    expect(result.relatedLocations).toEqual([
      { id: 0, physicalLocation: { artifactLocation: { uri: 'src/enum.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 13 } }, message: { text: 'declared here' } },
    ]);
    expect(JSON.parse(formatSarif([])).runs[0].results).toEqual([]);
  });

  it('baseline: each accepted fingerprint accepts as many findings as the baseline had', () => {
    const twice = [finding, { ...finding, range: { ...finding.range, line: 9, endLine: 9 } }, { ...finding, fingerprint: 'ffffffffffffffff' }];
    expect(newFindings(twice, new Map([[finding.fingerprint, 1]])).map((f) => f.range.line)).toEqual([9, 3]);
    expect(newFindings(twice, new Map([[finding.fingerprint, 2]])).map((f) => f.fingerprint)).toEqual(['ffffffffffffffff']);
    expect(newFindings(twice, new Map())).toHaveLength(3);
  });
});
