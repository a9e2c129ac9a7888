// Row "all": every check of ours over a real repository, against ESLint running one typed rule
// (@typescript-eslint/no-base-to-string with projectService) on the same files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measure } from '../measure.mjs';
import { countOurFindings, eslintBin, ourCli } from '../tools.mjs';
import { runFailure, summarize, verdict } from '../summary.mjs';

const TARGET_RATIO = 0.15;
const TARGET_RSS_MB = 1536;

/** A flat config in its own folder: typescript-eslint is imported by absolute URL from the project root. */
function writeEslintConfig(dir, root, repoDir) {
  const tseslint = pathToFileURL(join(root, 'node_modules', 'typescript-eslint', 'dist', 'index.js')).href;
  const file = join(dir, 'eslint.config.mjs');
  writeFileSync(
    file,
    `import tseslint from ${JSON.stringify(tseslint)};
export default [
  // Our CLI skips declaration files and these folders; ESLint must read the same files.
  { ignores: ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/dist/**', '**/build/**', '**/coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(repoDir)} },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-base-to-string': 'error' },
  },
];
`,
  );
  return file;
}

export async function allChecksRow({ root, repoDir, runs, log }) {
  const row = { name: 'all', corpus: repoDir, entries: [], notes: [] };
  const cli = ourCli(root);
  const eslint = eslintBin(root);
  if (!cli) row.notes.push('ours skipped: dist/cli.js does not exist (run `npm run build`)');
  if (!eslint) row.notes.push('ESLint skipped: node_modules/eslint is not installed (npm install)');

  const scratch = mkdtempSync(join(tmpdir(), 'ssot-bench-all-'));
  const config = writeEslintConfig(scratch, root, repoDir);
  const eslintOut = join(scratch, 'eslint.json');
  // One ESLint process over the whole repository; --no-warn-ignored keeps stderr quiet, json to a file.
  const eslintArgs = [eslint, '--config', config, '--format', 'json', '--output-file', eslintOut, '--no-warn-ignored', '.'];
  const ours = [];
  const theirs = [];
  let ourFindings;
  let eslintSummary;
  try {
    for (let i = 0; i < runs; i++) {
      if (cli) {
        const out = join(scratch, 'ours.json');
        const r = await measure(process.execPath, [cli, '.', '--format', 'json', '--no-cache'], { cwd: repoDir, stdoutFile: out });
        if (r.code !== 0 && r.code !== 1) throw runFailure('ssot (all checks)', r);
        ours.push(r);
        ourFindings = countOurFindings(out);
        log(`  ssot   run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s, ${Math.round(r.rssKb / 1024)} MB, ${ourFindings ?? '?'} findings`);
      }
      if (eslint) {
        const r = await measure(process.execPath, eslintArgs, { cwd: repoDir });
        if (r.code !== 0 && r.code !== 1) throw runFailure('eslint', r);
        theirs.push(r);
        eslintSummary = summarizeEslint(eslintOut);
        log(`  eslint run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s, ${Math.round(r.rssKb / 1024)} MB, ${eslintSummary.text}`);
      }
    }
    const oursS = summarize(ours);
    const theirsS = summarize(theirs);
    if (cli) {
      const ratio = eslint ? oursS.medianS / theirsS.medianS : null;
      row.entries.push({
        tool: 'ssot, all checks (cold, --no-cache)',
        ...oursS,
        ratio,
        ratioOf: 'ours / eslint',
        target: `ratio <= ${TARGET_RATIO}, RSS <= ${TARGET_RSS_MB} MB`,
        result: verdict([ratio === null ? null : ratio <= TARGET_RATIO, oursS.peakRssMb <= TARGET_RSS_MB]),
        findings: ourFindings,
      });
    }
    if (eslint) {
      row.entries.push({ tool: 'eslint, @typescript-eslint/no-base-to-string (projectService)', ...theirsS, ratio: null, target: 'reference', result: '', files: eslintSummary?.files, problems: eslintSummary?.problems });
    }
  } catch (error) {
    row.error = error.message;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return row;
}

function summarizeEslint(file) {
  try {
    const results = JSON.parse(readFileSync(file, 'utf8'));
    const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
    const fatal = results.reduce((n, r) => n + r.fatalErrorCount, 0);
    return { files: results.length, problems, text: `${results.length} files, ${problems} problems${fatal ? `, ${fatal} fatal (parse/project) errors` : ''}` };
  } catch {
    return { text: 'no report' };
  }
}
