import { differingLiterals, sameModuleValue, type Helper } from './helpers.js';
import type { ClassHierarchy } from './hierarchy.js';
import type { Relation } from './report.js';

/**
 * Methods that look like copies but do their own class's work: a short override changing a literal, hand-offs to
 * two parents' `super`, glue around each class's own, different method.
 */
export function doOtherWorkByClass(hierarchy: ClassHierarchy, canonical: Helper, copy: Helper, relation: Relation): boolean {
  return (relation === 'renamed' && specializesALiteral(hierarchy, canonical, copy)) || callAnotherSuper(hierarchy, canonical, copy) || callOwnMethodsApart(hierarchy, canonical, copy);
}

/** Below this many statements, an override that changes only a literal is how a subclass specializes (`nchar` for `nvarchar`). */
const LITERAL_OVERRIDE_MIN_STATEMENTS = 3;

/** Whether `copy` overrides the canonical copy, which its class inherits, in a short method that differs only in literals. */
function specializesALiteral(hierarchy: ClassHierarchy, canonical: Helper, copy: Helper): boolean {
  if (copy.unit.name !== canonical.unit.name || copy.unit.statements.length >= LITERAL_OVERRIDE_MIN_STATEMENTS || differingLiterals(canonical, copy) === 0) return false;
  const base = hierarchy.classOf(canonical);
  const derived = hierarchy.classOf(copy);
  return base !== undefined && derived !== undefined && hierarchy.inherits(derived, base);
}

/** Up to this many statements, a method that calls `super` mostly hands its work on to it. */
const SUPER_HAND_OFF_MAX_STATEMENTS = 4;

/**
 * Both hand their work on to `super`, of two classes: each relies on its own parent (two deserializers'
 * `deserialize`, decoding and then calling it). Longer methods do their own work (an SSRF guard around
 * `super.createConnection` in an http and an https agent).
 */
function callAnotherSuper(hierarchy: ClassHierarchy, a: Helper, b: Helper): boolean {
  const handsOff = (helper: Helper) => helper.unit.callsSuper === true && helper.unit.statements.length <= SUPER_HAND_OFF_MAX_STATEMENTS;
  if (!handsOff(a) || !handsOff(b)) return false;
  const [first, second] = [hierarchy.classOf(a)?.fact.base, hierarchy.classOf(b)?.fact.base];
  if (first === undefined || second === undefined) return false;
  const exportOf = (value: string) => value.slice(value.lastIndexOf('#') + 1);
  return exportOf(first) !== exportOf(second) || !sameModuleValue(first, second);
}

/** Up to this many statements, a method calling its own class's methods is glue around them. */
const OWN_METHOD_GLUE_MAX_STATEMENTS = 3;

/**
 * Each is a little glue around its own class's method of one name, and the two methods differ (`packMany` over each
 * entity service's own `pack`): other work. Not when a project class both extend could hold the method, still calling
 * each class's own, nor for longer methods, whose steps are the copy (two drivers' `connect` over each one's
 * `createPool`): there a base class is the fix.
 */
function callOwnMethodsApart(hierarchy: ClassHierarchy, a: Helper, b: Helper): boolean {
  if (a.unit.statements.length > OWN_METHOD_GLUE_MAX_STATEMENTS || b.unit.statements.length > OWN_METHOD_GLUE_MAX_STATEMENTS) return false;
  const theirs = new Map(b.unit.ownCalls);
  if (!(a.unit.ownCalls ?? []).some(([name, value]) => theirs.has(name) && theirs.get(name) !== value)) return false;
  const [first, second] = [hierarchy.classOf(a), hierarchy.classOf(b)];
  return !first || !second || (hierarchy.commonBase(first, second) === undefined && !hierarchy.inherits(first, second) && !hierarchy.inherits(second, first));
}
