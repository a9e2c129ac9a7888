import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { checks } from '../checks/registry.js';
import { ruleIdOf } from '../checks/types.js';
import { homepageUrl, ruleDocsUrl } from '../core/docs-url.js';
import type { Finding, Range } from '../core/finding.js';
import { packageJson } from '../version.js';

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it. Paths stay relative to the working
 * directory (run from the repository root), under the `%SRCROOT%` base; the finding's fingerprint is its
 * partial fingerprint, so alerts survive unrelated edits.
 */
export function formatSarif(findings: readonly Finding[]): string {
  const rules: ReportingDescriptor[] = checks.map((check) => ({
    id: ruleIdOf(check),
    name: check.name,
    shortDescription: { text: check.description },
    helpUri: ruleDocsUrl(check.name),
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ssot', informationUri: homepageUrl(), version: packageJson.version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder ssot ran in' } } },
        results: findings.map((finding) => resultOf(finding, ruleIndex.get(finding.ruleId))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function resultOf(finding: Finding, ruleIndex: number | undefined): Result {
  const result: Result = {
    ruleId: finding.ruleId,
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: { text: finding.message },
    locations: [locationAt(finding.file, finding.range)],
    partialFingerprints: { 'ssot/v1': finding.fingerprint },
  };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, id) => ({
      id,
      ...locationAt(related.file, { line: related.line, column: related.column }),
      ...(related.message ? { message: { text: related.message } } : {}),
    }));
  }
  if (finding.suggestions?.length) {
    result.fixes = finding.suggestions.map((suggestion) => ({
      description: { text: suggestion.message },
      artifactChanges: [
        {
          artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' },
          replacements: [{ deletedRegion: regionOf(suggestion.range), insertedContent: { text: suggestion.text } }],
        },
      ],
    }));
  }
  return result;
}

function locationAt(file: string, range: Pick<Range, 'line' | 'column'> & Partial<Range>): Location {
  return { physicalLocation: { artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' }, region: regionOf(range) } };
}

function regionOf(range: Pick<Range, 'line' | 'column'> & Partial<Range>) {
  return {
    startLine: range.line,
    startColumn: range.column,
    ...(range.endLine !== undefined ? { endLine: range.endLine } : {}),
    ...(range.endColumn !== undefined ? { endColumn: range.endColumn } : {}),
  };
}
