import { FUNCTION_VALUE } from './facts.js';
import { bindsAnotherTarget, corroborated, isNestedIn, literalsCompatible, mostLiteralsShared, portImportsAgree, readsOwnFolderApart, sameModuleFunctions, type Helper } from './helpers.js';
import type { DuplicateHelpersOptions } from './options.js';
import { align, MAX_ALIGNED_STATEMENTS, similarityBound, type Alignment } from './similarity.js';

/** Buckets larger than this are compared through a bounded number of representatives. */
const MAX_REPRESENTATIVES = 32;
/** A statement shared by more helpers than this is boilerplate: it proposes no near-miss candidates. */
const MAX_POSTING = 48;

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The smaller id becomes the root: deterministic regardless of union order.
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }
}

function groupBy<K>(items: readonly Helper[], keyOf: (helper: Helper) => K | undefined): Helper[][] {
  const groups = new Map<K, Helper[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** The module-level functions a helper calls, as a key: helpers with different keys may still be linked. */
function moduleFunctionsKey(helper: Helper): string {
  const values = helper.unit.moduleValues;
  if (!values) return '';
  return values.filter(([, value]) => value.startsWith(FUNCTION_VALUE)).map(([name, value]) => `${name}=${value}`).join(',');
}

/** Type guards claiming different types are two guards (`value is object`, `error is PgError`), unless their names say they are one. */
function sameGuard(a: Helper, b: Helper): boolean {
  return a.unit.guard === b.unit.guard || corroborated(a, b);
}

/**
 * A port: the same shape and name in another file, with most of its literals, calling the same module functions
 * and reading the same imports.
 */
export function isPort(a: Helper, b: Helper): boolean {
  return (
    a !== b &&
    a.file !== b.file &&
    a.unit.shape === b.unit.shape &&
    corroborated(a, b) &&
    mostLiteralsShared(a, b) &&
    sameModuleFunctions(a, b) &&
    portImportsAgree(a, b)
  );
}

export function nearMissThreshold(a: Helper, b: Helper, options: DuplicateHelpersOptions): number {
  return corroborated(a, b) ? options.similarityWithSameName : options.similarity;
}

export function nearMissEligible(helper: Helper, options: DuplicateHelpersOptions): boolean {
  const count = helper.unit.statements.length;
  return count >= options.minStatements && count <= MAX_ALIGNED_STATEMENTS;
}

/**
 * Whether `b` is a near-miss copy of `a`: similar enough, and, unless the names match, one is the other
 * with statements added: a changed statement or rewired variables between differently named functions are
 * usually different work (`Promise.race` vs `Promise.any`, a lookup and its inverse), not drift.
 */
export function isNearMiss(a: Helper, b: Helper, options: DuplicateHelpersOptions, helpers: readonly Helper[]): boolean {
  if (!nearMissEligible(a, options) || !nearMissEligible(b, options) || !sameGuard(a, b)) return false;
  // A helper and a function nested in it share the nested statements; that is not a copy.
  if (isNestedIn(a, b, helpers) || isNestedIn(b, a, helpers)) return false;
  const sameName = corroborated(a, b);
  const threshold = sameName ? options.similarityWithSameName : options.similarity;
  if (similarityBound(a.unit.size, b.unit.size) < threshold) return false;
  const alignment = align(a.unit, b.unit);
  if (alignment.similarity < threshold) return false;
  if (sameName) return true;
  // The same steps over the same variables, wired differently: a lookup and its inverse, not a copy.
  if (a.unit.wiringFree !== undefined && a.unit.wiringFree === b.unit.wiringFree && a.unit.exact !== b.unit.exact) return false;
  if (alignment.onlyInA.length > 0 && alignment.onlyInB.length > 0) return false;
  // `await session.reject()` in one and inside the other's `catch`: a statement moved, not one added.
  return matchedAtSameDepth(a, b, alignment);
}

/**
 * Whether the statements the alignment matches sit alike in both copies: nested as deep, or deeper in one only
 * because that copy wraps them (`try { ...same statements } catch`), where each such statement follows the
 * wrapper's header or another wrapped one. A statement that moved into another's branch after new work
 * (rollback's `await session.reject()`, inside commit's `catch` after `await session.resolve()`) does not.
 */
function matchedAtSameDepth(a: Helper, b: Helper, alignment: Alignment): boolean {
  const depthsA = a.unit.depths;
  const depthsB = b.unit.depths;
  if (!depthsA && !depthsB) return true;
  const depthA = (i: number) => depthsA?.[i] ?? 0;
  const depthB = (j: number) => depthsB?.[j] ?? 0;
  const onlyInA = new Set(alignment.onlyInA);
  const onlyInB = new Set(alignment.onlyInB);
  // The other copy's index of each matched statement, by index (-1: unmatched).
  const partnerOfA = new Array<number>(a.unit.statements.length).fill(-1);
  const partnerOfB = new Array<number>(b.unit.statements.length).fill(-1);
  let j = 0;
  for (let i = 0; i < a.unit.statements.length; i++) {
    if (onlyInA.has(i)) continue;
    while (onlyInB.has(j)) j++;
    partnerOfA[i] = j;
    partnerOfB[j] = i;
    j++;
  }
  const wrapped = (index: number, shift: number, depth: (k: number) => number, partnerOf: number[], otherDepth: (k: number) => number): boolean => {
    const previous = index - 1;
    if (previous < 0) return false;
    const partner = partnerOf[previous]!;
    if (partner >= 0) return depth(previous) - otherDepth(partner) === shift;
    // The wrapper's header (`try {`, `if (x) {`), itself after matched code or the header it is nested in: not a
    // `catch` after new work.
    let header = previous;
    if (depth(header) !== depth(index) - 1) return false;
    while (header > 0 && partnerOf[header - 1]! < 0) {
      if (depth(header - 1) !== depth(header) - 1) return false;
      header--;
    }
    return true;
  };
  for (let i = 0; i < partnerOfA.length; i++) {
    const k = partnerOfA[i]!;
    if (k < 0) continue;
    const shift = depthA(i) - depthB(k);
    if (shift > 0 && !wrapped(i, shift, depthA, partnerOfA, depthB)) return false;
    if (shift < 0 && !wrapped(k, -shift, depthB, partnerOfB, depthA)) return false;
  }
  return true;
}

/**
 * Families of copies: connected components over exact, renamed, same-shape-and-name and near-miss links.
 * Candidates come from hash buckets and from rare shared statements, never from all pairs.
 */
export function findFamilies(helpers: readonly Helper[], options: DuplicateHelpersOptions): Helper[][] {
  const links = new UnionFind(helpers.length);

  for (const bucket of groupBy(helpers, (h) => h.unit.renamed)) {
    // Within an exact class, copies calling different module functions of one name are kept apart.
    const classes = groupBy(bucket, (h) => `${h.unit.exact}:${moduleFunctionsKey(h)}:${h.unit.guard ?? ''}`);
    const grouped = new Set(classes.flat());
    for (const helper of bucket) if (!grouped.has(helper)) classes.push([helper]);
    for (const members of classes) for (const member of members) links.union(members[0]!.id, member.id);
    const representatives = classes.map((members) => members[0]!).slice(0, MAX_REPRESENTATIVES);
    for (let i = 0; i < representatives.length; i++) {
      for (let j = i + 1; j < representatives.length; j++) {
        const [a, b] = [representatives[i]!, representatives[j]!];
        if (literalsCompatible(a, b) && sameModuleFunctions(a, b) && sameGuard(a, b)) links.union(a.id, b.id);
      }
    }
  }

  // Same shape and same name in another file: a port that uses its own module's names (a JS copy
  // indexing its own state table instead of the imported enum).
  for (const bucket of groupBy(helpers, (h) => (h.key.length >= 6 ? `${h.unit.shape}:${h.key}` : undefined))) {
    const anchor = bucket.find((h) => !h.member) ?? bucket[0]!;
    for (const helper of bucket) if (isPort(anchor, helper)) links.union(anchor.id, helper.id);
  }

  for (const [a, b] of nearMissCandidates(helpers, options)) {
    if (links.find(a.id) === links.find(b.id)) continue;
    // The same code but for literals that say it does other work (two SQL queries under one name): the renamed
    // bucket kept them apart, and aligning statements that hash their literals must not join them after all.
    if (a.unit.renamed === b.unit.renamed && !literalsCompatible(a, b)) continue;
    if (readsOwnFolderApart(a, b)) continue;
    // One shape but for the names, which are each module's own relative imports (`is(table, MySqlTable)` and
    // `is(table, GelTable)` from each dialect's `./table`): ports doing each dialect's work, not a drift.
    if (a.unit.shape === b.unit.shape && !portImportsAgree(a, b)) continue;
    if (isNearMiss(a, b, options, helpers) && sameModuleFunctions(a, b) && !bindsAnotherTarget(a, b)) links.union(a.id, b.id);
  }

  const byRoot = new Map<number, Helper[]>();
  for (const helper of helpers) {
    const root = links.find(helper.id);
    const family = byRoot.get(root);
    if (family) family.push(helper);
    else byRoot.set(root, [helper]);
  }
  return [...byRoot.values()].filter((family) => family.length > 1);
}

/**
 * Pairs worth aligning: helpers that share one of their rarest statements (prefix filtering: a pair above
 * the threshold must share a statement among the first ones in a global rarity order), or a name.
 */
function nearMissCandidates(helpers: readonly Helper[], options: DuplicateHelpersOptions): [Helper, Helper][] {
  const eligible = helpers.filter((helper) => nearMissEligible(helper, options));
  const frequency = new Map<number, number>();
  const distinct = eligible.map((helper) => [...new Set(helper.unit.statements)]);
  for (const statements of distinct) for (const statement of statements) frequency.set(statement, (frequency.get(statement) ?? 0) + 1);

  const lowest = Math.min(options.similarity, options.similarityWithSameName);
  const postings = new Map<number, Helper[]>();
  eligible.forEach((helper, i) => {
    const statements = distinct[i]!.sort((x, y) => frequency.get(x)! - frequency.get(y)! || x - y);
    const mustShare = Math.ceil((lowest * statements.length) / (2 - lowest));
    const prefix = Math.max(1, statements.length - mustShare + 1);
    for (let k = 0; k < prefix && k < statements.length; k++) {
      const statement = statements[k]!;
      if (frequency.get(statement)! < 2 || frequency.get(statement)! > MAX_POSTING) continue;
      const list = postings.get(statement);
      if (list) list.push(helper);
      else postings.set(statement, [helper]);
    }
  });

  const seen = new Set<number>();
  const pairs: [Helper, Helper][] = [];
  const consider = (a: Helper, b: Helper): void => {
    if (a.id === b.id) return;
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const key = first.id * helpers.length + second.id;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([first, second]);
  };
  for (const list of postings.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) consider(list[i]!, list[j]!);
  }
  const byName = new Map<string, Helper[]>();
  for (const helper of eligible) {
    if (helper.key.length < 6) continue;
    const list = byName.get(helper.key);
    if (list) list.push(helper);
    else byName.set(helper.key, [helper]);
  }
  for (const list of byName.values()) {
    if (list.length > MAX_REPRESENTATIVES) continue;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) consider(list[i]!, list[j]!);
  }
  return pairs.sort((x, y) => x[0].id - y[0].id || x[1].id - y[1].id);
}
