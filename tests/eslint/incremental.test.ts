import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { noDuplicateHelpers } from '../../src/checks/no-duplicate-helpers/index.js';
import { noUnhandledMessageTypes } from '../../src/checks/no-unhandled-message-types/index.js';
import type { Check, CheckIndex, FileFacts } from '../../src/checks/types.js';
import type { FindingDraft } from '../../src/core/finding.js';
import type { TypeScriptApi } from '../../src/core/location.js';
import { BufferParser } from '../../src/eslint/buffer-parser.js';
import { discoverFiles } from '../../src/project/discover.js';
import { parseSource } from '../../src/project/parse.js';
import { fixtureProjects, incident } from './support.js';

/**
 * The incremental path of the checks (`link` once, then `report` for one re-edited file) against the
 * reference: `run` over the whole index with that file's facts replaced. Edits are random but seeded;
 * the session's policy is simulated: keep the model while `report` answers, link again when it does not.
 */

type AnyCheck = Check<unknown, unknown>;
const incrementalChecks = [noDuplicateHelpers, noUnhandledMessageTypes] as unknown as AnyCheck[];
const tsApi = ts as unknown as TypeScriptApi;

function factsOf(check: AnyCheck, file: string, text: string): unknown {
  const parsed = parseSource(tsApi, file, text);
  if (!parsed.ok) return undefined;
  return check.extract({ ts: tsApi, sourceFile: parsed.sourceFile, file, options: check.defaultOptions, relativePath: (absolute) => absolute });
}

interface Project {
  files: string[];
  texts: Map<string, string>;
}

function loadProject(dir: string): Project {
  const files = discoverFiles({ cwd: dir, paths: ['.'], ignore: [], ignoreBase: dir })
    .sort()
    .map((absolute) => path.relative(dir, absolute).split(path.sep).join('/'));
  return { files, texts: new Map(files.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')])) };
}

function indexOf(facts: Map<string, unknown>, files: string[]): CheckIndex<unknown> {
  return { files: files.flatMap((file) => (facts.get(file) === undefined ? [] : [{ file, facts: facts.get(file) }])) };
}

/** The reference: the findings `run` gives in `file` over the whole index. */
function fromScratch(check: AnyCheck, facts: Map<string, unknown>, files: string[], file: string): FindingDraft[] {
  return check.run(indexOf(facts, files), check.defaultOptions).filter((finding) => finding.file === file);
}

/** An editor session for one check: a linked model, answered from while it can. */
class Session {
  private model: unknown;
  private linkedFacts = new Map<string, unknown>();
  links = 0;
  answered = 0;

  constructor(
    private readonly check: AnyCheck,
    private readonly files: string[],
  ) {}

  findingsIn(facts: Map<string, unknown>, file: string): FindingDraft[] {
    const own = facts.get(file);
    if (own === undefined) return [];
    const others = this.files.filter((other) => other !== file && facts.get(other) !== this.linkedFacts.get(other));
    const entry: FileFacts<unknown> = { file, facts: own };
    if (this.model !== undefined && others.length === 0) {
      const found = this.check.report!(this.model, entry, this.check.defaultOptions);
      if (found) {
        this.answered++;
        return found;
      }
    }
    this.model = this.check.link!(indexOf(facts, this.files), this.check.defaultOptions);
    this.linkedFacts = new Map(facts);
    this.links++;
    const found = this.check.report!(this.model, entry, this.check.defaultOptions);
    expect(found, 'report must answer for the facts it was linked with').toBeDefined();
    return found!;
  }
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of the kinds an editor produces while typing, some of them leaving a syntax error. */
function edit(text: string, original: string, next: () => number, step: number): string {
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  const pick = <T>(items: T[]): T | undefined => (items.length ? items[Math.floor(next() * items.length)] : undefined);
  switch (Math.floor(next() * 9)) {
    case 0:
      lines.splice(line, 0, `// edit ${step}`);
      return lines.join('\n');
    case 1:
      return `${text}\nexport const ssotEdit${step} = ${step};\n`;
    case 2:
      lines.splice(line, 1);
      return lines.join('\n');
    case 3:
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 4: {
      const strings = [...text.matchAll(/'([a-z_]+)'/g)];
      const found = pick(strings);
      return found ? text.slice(0, found.index) + `'${found[1]}_x'` + text.slice(found.index + found[0].length) : text;
    }
    case 5: {
      const words = [...text.matchAll(/\b[A-Za-z_]\w{3,}\b/g)];
      const found = pick(words);
      return found ? text.slice(0, found.index) + `${found[0]}X` + text.slice(found.index + found[0].length) : text;
    }
    case 6:
      if (line + 1 < lines.length) [lines[line], lines[line + 1]] = [lines[line + 1]!, lines[line]!];
      return lines.join('\n');
    case 7:
      return original;
    default:
      // Type at the end of a line: characters that keep or break the syntax.
      lines[line] = `${lines[line] ?? ''}${pick([' ', ';', 'x', '(', '}']) ?? ''}`;
      return lines.join('\n');
  }
}

describe.each(incrementalChecks.map((check) => [check.name, check] as const))('%s: link + report equal run', (_name, check) => {
  it('for every file of every fixture project, with its own facts', () => {
    for (const dir of fixtureProjects()) {
      const project = loadProject(dir);
      const facts = new Map(project.files.map((file) => [file, factsOf(check, file, project.texts.get(file)!)]));
      const index = indexOf(facts, project.files);
      const model = check.link!(index, check.defaultOptions);
      const all = check.run(index, check.defaultOptions);
      for (const { file, facts: own } of index.files) {
        expect(check.report!(model, { file, facts: own }, check.defaultOptions), `${dir} ${file}`).toEqual(all.filter((finding) => finding.file === file));
      }
    }
  });

  it('after a sequence of random buffer edits in each file, findings equal a from-scratch run', () => {
    let answered = 0;
    let steps = 0;
    for (const dir of fixtureProjects()) {
      const project = loadProject(dir);
      const facts = new Map(project.files.map((file) => [file, factsOf(check, file, project.texts.get(file)!)]));
      const session = new Session(check, project.files);
      project.files.forEach((file, fileNumber) => {
        const original = project.texts.get(file)!;
        const next = random(fileNumber * 7919 + dir.length);
        let text = original;
        for (let step = 1; step <= 12; step++) {
          text = edit(text, original, next, step);
          facts.set(file, factsOf(check, file, text));
          expect(session.findingsIn(facts, file), `${dir} ${file} after edit ${step}`).toEqual(fromScratch(check, facts, project.files, file));
          steps++;
        }
        // Leaving the file as it was: the other files see the original again.
        facts.set(file, factsOf(check, file, original));
      });
      answered += session.answered;
    }
    // The point of the model: most edits are answered without linking again.
    expect(answered / steps).toBeGreaterThan(0.25);
  });
});

describe('edits that change nothing other files see are answered from the model', () => {
  it.each(incrementalChecks.map((check) => [check.name, check] as const))('%s: a comment line and a new exported constant in each incident file', (_name, check) => {
    const project = loadProject(incident);
    const facts = new Map(project.files.map((file) => [file, factsOf(check, file, project.texts.get(file)!)]));
    const model = check.link!(indexOf(facts, project.files), check.defaultOptions);
    for (const file of project.files) {
      const original = facts.get(file);
      const lines = project.texts.get(file)!.split('\n');
      lines.splice(Math.floor(lines.length / 2), 0, '// a comment moves every line below it');
      const text = `${lines.join('\n')}\nexport const ssotBenchEdit3 = 3;\n`;
      facts.set(file, factsOf(check, file, text));
      const answer = check.report!(model, { file, facts: facts.get(file) }, check.defaultOptions);
      expect(answer, file).toEqual(fromScratch(check, facts, project.files, file));
      facts.set(file, original);
    }
  });
});

describe('the linted buffer, re-parsed incrementally', () => {
  it('gives the facts a full parse gives, after each of a sequence of random edits', () => {
    const checks = incrementalChecks;
    let compared = 0;
    for (const dir of fixtureProjects()) {
      const project = loadProject(dir);
      project.files.forEach((file, fileNumber) => {
        const parser = new BufferParser();
        const original = project.texts.get(file)!;
        const next = random(fileNumber * 104729 + dir.length);
        let text = original;
        for (let step = 1; step <= 12; step++) {
          text = edit(text, original, next, step);
          const parsed = parser.parse(tsApi, { absolute: path.join(dir, file), relative: file, text, hash: `${step}:${text.length}:${text}` });
          for (const check of checks) {
            const incremental = parsed.sourceFile
              ? check.extract({ ts: tsApi, sourceFile: parsed.sourceFile, file, options: check.defaultOptions, relativePath: (absolute) => absolute })
              : undefined;
            expect(incremental, `${dir} ${file} after edit ${step}`).toEqual(factsOf(check, file, text));
            compared++;
          }
        }
      });
    }
    expect(compared).toBeGreaterThan(500);
  });
});
