#!/usr/bin/env node
import module from 'node:module';
import { parseArgs } from 'node:util';
import { analyze } from './analyzer.js';
import { UsageError } from './core/errors.js';
import { newFindings, readBaseline } from './report/baseline.js';
import { diagnosticLines } from './report/diagnostics.js';
import { reporters } from './report/index.js';
import { packageJson } from './version.js';

const HELP = `Usage: ssot [paths...] [options]

Finds single-source-of-truth violations: duplicated helpers, values a logger cannot serialize, and message
types that no handler maps. Paths default to the current folder.

Options:
  --format <name>          stylish (default), json, sarif (code scanning) or github (Actions annotations)
  --rule <ruleId>          run only this rule (repeatable), e.g. --rule ssot/no-duplicate-helpers
  --config <file>          config file (default: nearest ssot.config.json or package.json#ssot)
  --baseline <file>        report only findings not in this earlier --format json report
  --no-cache               do not read or write the facts cache
  --cache-location <dir>   where the facts cache lives (default: node_modules/.cache/ssot, else ~/.cache/ssot)
  --jobs <n>               threads for parsing (default: number of cores, one left to V8)
  --no-progress            no progress bar on stderr (shown by default when stderr is a terminal outside CI;
                           --progress shows it anywhere, one line per stage)
  --debug                  print stack traces for internal errors
  -v, --version            print the version
  -h, --help               print this help

Exit codes: 0 no findings, 1 findings, 2 usage, config or internal error.`;

// Node 22+: V8 keeps the compiled code of TypeScript (~9 MB of JavaScript, loaded later) between runs, as tsc does.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const OPTIONS = {
  format: { type: 'string', default: 'stylish' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string' },
  baseline: { type: 'string' },
  cache: { type: 'boolean', default: true },
  'cache-location': { type: 'string' },
  jobs: { type: 'string' },
  progress: { type: 'boolean' },
  debug: { type: 'boolean', default: false },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return print(HELP + '\n');
  if (values.version) return print(`${packageJson.version}\n`);
  const reporter = reporters[values.format];
  if (!reporter) throw new UsageError(`unknown format "${values.format}" (known: ${Object.keys(reporters).join(', ')})`);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number >= 1, not "${values.jobs}"`);
  const baseline = values.baseline === undefined ? undefined : readBaseline(values.baseline);

  // Loaded only when shown: most runs (CI, editors, pipes) never draw it.
  const bar = (values.progress ?? (process.stderr.isTTY && !process.env.CI)) ? (await import('./report/progress.js')).progressBar(process.stderr) : undefined;
  let result;
  try {
    result = await analyze({
      paths: positionals,
      rules: values.rule,
      configFile: values.config,
      cache: values.cache,
      cacheLocation: values['cache-location'],
      jobs,
      onProgress: bar && ((progress) => bar.update(progress)),
    });
  } finally {
    bar?.stop();
  }
  for (const line of diagnosticLines(result.diagnostics)) process.stderr.write(`${line}\n`);
  const findings = baseline ? newFindings(result.findings, baseline) : result.findings;
  await print(reporter(findings));
  return findings.length > 0 ? 1 : 0;
}

function print(text: string): Promise<number> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve(0)));
}

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (error: unknown) => {
    const debug = process.argv.includes('--debug');
    if (error instanceof UsageError) process.stderr.write(`ssot: ${error.message}\n`);
    else process.stderr.write(`ssot: internal error: ${debug ? (error as Error)?.stack : String((error as Error)?.message ?? error)}\n`);
    exit(2);
  },
);

/**
 * Exits as soon as stdout and stderr are flushed, without waiting for worker threads to wind down or for the
 * heap (hundreds of MB of syntax trees) to be torn down: that costs ~0.1-0.3 s on large projects.
 */
function exit(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}
