import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ruleIdOf } from './checks/types.js';
import { loadConfig } from './config/load.js';
import { configureChecks, type ConfiguredCheck } from './config/rules.js';
import type { FileDiagnostic } from './core/errors.js';
import { compareFindings, compareStrings, toFinding, type Finding } from './core/finding.js';
import type { TypeScriptApi } from './core/location.js';
import { defaultCacheLocation, FactsCache } from './project/cache.js';
import { discoverFiles } from './project/discover.js';
import { extractAll } from './project/extract-pool.js';
import { extractFacts, type ExtractRequest } from './project/extract-file.js';
import { firstSyntaxError } from './project/parse.js';
import { toRelative } from './project/paths.js';
import { buildPrograms } from './project/program.js';
import { DEFAULT_MAX_FILE_SIZE, readSource } from './project/read-source.js';
import { findTsconfigFiles, parseTsconfigs } from './project/tsconfig.js';
import { packageJson } from './version.js';

export interface AnalyzeOptions {
  /** Findings' paths are relative to it; defaults to `process.cwd()`. */
  cwd?: string;
  /** Files and folders to analyze, relative to `cwd`; defaults to `['.']`. */
  paths?: string[];
  configFile?: string;
  /** Run only these rules (`ssot/<name>` or `<name>`). */
  rules?: string[];
  /** On-disk facts cache (default on). */
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads for fact extraction (default: available cores). The output never depends on it. */
  jobs?: number;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Files that could not be analyzed, one line each. */
  diagnostics: FileDiagnostic[];
  filesAnalyzed: number;
}

interface AnalyzedFile {
  absolute: string;
  relative: string;
  text: string;
  hash: string;
  facts: Record<string, unknown>;
  failed?: boolean;
}

let typescript: Promise<TypeScriptApi> | undefined;
const loadTs = (): Promise<TypeScriptApi> => (typescript ??= import('./project/typescript.js').then((m) => m.bundledTs));

export async function analyze(options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const paths = options.paths?.length ? options.paths : ['.'];
  const loaded = loadConfig(cwd, options.configFile);
  const configured = configureChecks(loaded, options.rules);
  const diagnostics: FileDiagnostic[] = [];

  const discovered = discoverFiles({ cwd, paths, ignore: loaded.config.ignore ?? [], ignoreBase: loaded.baseDir });
  const tsconfigFiles = findTsconfigFiles(paths.map((given) => path.resolve(cwd, given)));
  const { configs: tsconfigs, diagnostics: tsconfigDiagnostics } = tsconfigFiles.length
    ? parseTsconfigs(await loadTs(), tsconfigFiles, cwd)
    : { configs: [], diagnostics: [] };
  diagnostics.push(...tsconfigDiagnostics);

  const files = readFiles(discovered, cwd, loaded.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, diagnostics);
  await extractSyntactic(files, configured.filter(({ check }) => !check.usesTypes), options, cwd, diagnostics);
  const typed = configured.filter(({ check }) => check.usesTypes);
  if (typed.length) {
    const ts = await loadTs();
    const byPath = new Map(files.filter((f) => !f.failed).map((f) => [f.absolute, f]));
    for (const { program, files: groupFiles } of buildPrograms(ts, [...byPath.keys()], tsconfigs)) {
      const checker = program.getTypeChecker();
      for (const absolute of groupFiles) {
        const file = byPath.get(absolute);
        const sourceFile = program.getSourceFile(absolute);
        if (!file || !sourceFile) continue;
        const syntaxError = firstSyntaxError(sourceFile);
        const result = syntaxError
          ? ({ ok: false, reason: syntaxError } as const)
          : extractFacts(ts, sourceFile, file.relative, typed, { checker, program, relativePath: (p) => toRelative(cwd, p) });
        if (result.ok) Object.assign(file.facts, result.facts);
        else file.failed = (diagnostics.push({ file: file.relative, message: result.reason }), true);
      }
    }
  }
  const analyzed = files.filter((file) => !file.failed);
  const findings = configured.flatMap((entry) => runCheck(entry, analyzed, cwd));
  return {
    findings: findings.sort(compareFindings),
    diagnostics: diagnostics.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.message, b.message)),
    filesAnalyzed: analyzed.length,
  };
}

function readFiles(discovered: string[], cwd: string, maxFileSize: number, diagnostics: FileDiagnostic[]): AnalyzedFile[] {
  const files: AnalyzedFile[] = [];
  for (const absolute of discovered) {
    const relative = toRelative(cwd, absolute);
    const read = readSource(absolute, maxFileSize);
    if (read.kind === 'skipped') diagnostics.push({ file: relative, message: `skipped: ${read.reason}` });
    if (read.kind === 'ok') files.push({ absolute, relative, text: read.text, hash: read.hash, facts: {} });
  }
  return files;
}

async function extractSyntactic(
  files: AnalyzedFile[],
  syntactic: ConfiguredCheck[],
  options: AnalyzeOptions,
  cwd: string,
  diagnostics: FileDiagnostic[],
): Promise<void> {
  if (!syntactic.length) return;
  const useCache = options.cache !== false;
  const ts = useCache ? await loadTs() : undefined;
  const caches = syntactic.map(({ check, options: checkOptions }) => {
    const cache = new FactsCache(options.cacheLocation ? path.resolve(cwd, options.cacheLocation) : defaultCacheLocation(cwd), check, checkOptions, packageJson.version, ts?.version ?? '');
    if (useCache) cache.load();
    return cache;
  });
  const misses: AnalyzedFile[] = [];
  for (const file of files) {
    const cached = caches.map((cache) => (useCache ? cache.get(file.relative, file.hash) : undefined));
    if (cached.every((facts) => facts !== undefined)) {
      syntactic.forEach(({ check }, i) => (file.facts[check.name] = cached[i]));
    } else {
      misses.push(file);
    }
  }
  const requests: ExtractRequest[] = misses.map(({ absolute, relative, text }) => ({ absolute, relative, text }));
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const results = await extractAll(requests, syntactic, jobs, loadTs);
  results.forEach((result, i) => {
    const file = misses[i]!;
    if (!result.ok) {
      file.failed = true;
      diagnostics.push({ file: file.relative, message: result.reason });
      return;
    }
    Object.assign(file.facts, result.facts);
    syntactic.forEach(({ check }, c) => caches[c]!.set(file.relative, file.hash, result.facts[check.name]));
  });
  if (useCache) for (const cache of caches) cache.save();
}

function runCheck({ check, options, severity, isIgnored }: ConfiguredCheck, files: AnalyzedFile[], cwd: string): Finding[] {
  const index = { files: files.map((file) => ({ file: file.relative, facts: file.facts[check.name] })) };
  return check
    .run(index, options)
    .filter((draft) => !isIgnored(path.resolve(cwd, draft.file)))
    .map((draft) => toFinding(ruleIdOf(check), severity ? { ...draft, severity } : draft));
}
