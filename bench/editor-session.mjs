// One editor session, run as its own process by the "editor" row: one ESLint instance with the plugin's
// recommended config lints one file (building the project index), then re-lints it after each of N small
// edits through lintText, as an editor integration would. Prints one JSON object on stdout.
//
// usage: node bench/editor-session.mjs <project root> <repo dir> <file relative to repo> <edits>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, repoDir, fileRel, editsArg] = process.argv.slice(2);
const edits = Number(editsArg ?? 15);
const print = (value) => process.stdout.write(JSON.stringify(value) + '\n');

const requireFromRoot = createRequire(join(root, 'package.json'));
const { ESLint } = await import(pathToFileURL(requireFromRoot.resolve('eslint')).href);
const pluginModule = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const plugin = pluginModule.default ?? pluginModule;
const ruleIds = Object.keys(plugin.rules ?? {}).map((name) => `ssot/${name}`);
if (ruleIds.length === 0) {
  print({ skipped: 'plugin has no rules yet' });
  process.exit(0);
}
const recommended = plugin.configs?.recommended;
if (!recommended) {
  print({ skipped: 'plugin has no configs.recommended yet' });
  process.exit(0);
}
const overrideConfig = Array.isArray(recommended) ? [...recommended] : [recommended];
if (!overrideConfig.some((c) => c?.languageOptions?.parser)) {
  // The recommended config leaves the parser to the user; a TypeScript project sets it like this.
  const tseslint = (await import(pathToFileURL(requireFromRoot.resolve('typescript-eslint')).href)).default;
  overrideConfig.unshift({
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: repoDir } },
  });
}

const eslint = new ESLint({ cwd: repoDir, overrideConfigFile: true, overrideConfig, stats: true });
const filePath = join(repoDir, fileRel);
const original = readFileSync(filePath, 'utf8');

/** Our rules' time in one lint result, from ESLint's stats (summed over fix passes). */
function ourRulesMs(result) {
  let total = 0;
  for (const pass of result.stats?.times?.passes ?? []) {
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
      if (ruleId.startsWith('ssot/')) total += time.total;
    }
  }
  return total;
}

async function lint(text) {
  const started = performance.now();
  const [result] = await eslint.lintText(text, { filePath });
  const wallMs = performance.now() - started;
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${fileRel}: ${fatal.message}`);
  return { rulesMs: ourRulesMs(result), wallMs, findings: result.messages.filter((m) => m.ruleId?.startsWith('ssot/')).length };
}

/** Edit i: a comment line at a varying line boundary, and every third edit a new exported constant. */
function edit(text, i) {
  const lines = text.split('\n');
  const at = (i * 37) % lines.length;
  lines.splice(at, 0, `// bench edit ${i}`);
  let next = lines.join('\n');
  if (i % 3 === 0) next += `\nexport const ssotBenchEdit${i} = ${i};\n`;
  return next;
}

const first = await lint(original);
const runs = [];
let text = original;
for (let i = 1; i <= edits; i++) {
  text = edit(text, i);
  runs.push(await lint(text));
}
print({ ruleIds, file: fileRel, first, edits: runs });
