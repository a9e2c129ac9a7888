import type { FileFacts } from '../types.js';
import { IMPORT_VALUE, moduleOfFile, type ClassFact, type HelperFacts } from './facts.js';
import type { Helper } from './helpers.js';

/** A class of the project, where it is declared. */
export interface ProjectClass {
  fact: ClassFact;
  file: string;
}

/** Deeper than this, a chain of `extends` is taken to loop (two files each extending the other's import). */
const MAX_DEPTH = 16;

/** Which project class extends which, from the classes in the facts; what an override or two siblings have in common. */
export class ClassHierarchy {
  private readonly byValue = new Map<string, ProjectClass>();
  /** Classes by name, for a base imported through an alias (`~repos/base#BaseRepo`). */
  private readonly byName = new Map<string, ProjectClass[]>();
  private readonly ancestorsOf = new Map<ProjectClass, ProjectClass[]>();

  constructor(files: ReadonlyArray<FileFacts<HelperFacts | null | undefined>>) {
    for (const entry of files) {
      const module = moduleOfFile(entry.file);
      for (const fact of entry.facts?.classes ?? []) {
        const known: ProjectClass = { fact, file: entry.file };
        this.byValue.set(`${IMPORT_VALUE}${module}#${fact.name}`, known);
        if (fact.default) this.byValue.set(`${IMPORT_VALUE}${module}#default`, known);
        for (const name of fact.default ? [fact.name, 'default'] : [fact.name]) {
          const named = this.byName.get(name) ?? [];
          named.push(known);
          this.byName.set(name, named);
        }
      }
    }
  }

  /** The class a method or class field belongs to, when it is a top-level class of the project. */
  classOf(helper: Helper): ProjectClass | undefined {
    const { kind, qualifier } = helper.unit;
    if ((kind !== 'method' && kind !== 'field') || qualifier === undefined || helper.parent >= 0) return undefined;
    return this.byValue.get(`${IMPORT_VALUE}${moduleOfFile(helper.file)}#${qualifier}`);
  }

  /** The project classes it extends, nearest first. */
  ancestors(start: ProjectClass): ProjectClass[] {
    let found = this.ancestorsOf.get(start);
    if (found) return found;
    found = [];
    for (let current = this.baseOf(start); current && found.length < MAX_DEPTH && current !== start && !found.includes(current); current = this.baseOf(current)) {
      found.push(current);
    }
    this.ancestorsOf.set(start, found);
    return found;
  }

  /** Whether `derived` extends `base`, directly or through other project classes. */
  inherits(derived: ProjectClass, base: ProjectClass): boolean {
    return this.ancestors(derived).includes(base);
  }

  /** The nearest project class both extend, if any. */
  commonBase(a: ProjectClass, b: ProjectClass): ProjectClass | undefined {
    const theirs = new Set(this.ancestors(b));
    return this.ancestors(a).find((ancestor) => theirs.has(ancestor));
  }

  private baseOf(known: ProjectClass): ProjectClass | undefined {
    const base = known.fact.base;
    if (base === undefined) return undefined;
    const exact = this.byValue.get(base);
    if (exact || !base.startsWith(`${IMPORT_VALUE}~`)) return exact;
    // An alias names the path below some folder: the one class of that name whose module ends with it.
    const hash = base.lastIndexOf('#');
    const below = base.slice(IMPORT_VALUE.length + 1, hash);
    const name = base.slice(hash + 1);
    const candidates = (this.byName.get(name) ?? []).filter((candidate) => `/${moduleOfFile(candidate.file)}`.endsWith(`/${below}`));
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}
