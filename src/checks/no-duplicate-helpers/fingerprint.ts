import { combine, finish, hashText, mix, mixAlt, SEED_1, SEED_2 } from './hash.js';
import { LITERAL_PATH, MARK_OPTIONAL, Op, type TokenBuffer } from './tokens.js';

/**
 * The fingerprints of one helper, from its slice of the token stream:
 * - `exact`: everything but whitespace, comments and types;
 * - `renamed`: parameters and locals numbered by first use, the helper's own name a placeholder, string and
 *   number literals reduced to their class; globals, imports and property names kept (they say what the
 *   code does);
 * - `shape`: like `renamed` with every identifier numbered; used only when the names also match;
 * - one hash per statement (its own tokens, nested statements as a marker), locals as one placeholder and
 *   literals kept, for near-miss matching; each with its size in tokens;
 * - `wiringFree`: like `renamed` with every local as one placeholder and literals kept, and the locals' names: two helpers with
 *   one `wiringFree` and two `renamed` do the same steps with the same variables, wired differently (a lookup
 *   and its inverse).
 */
export interface Fingerprint {
  exact: number;
  renamed: number;
  shape: number;
  wiringFree: number;
  /** Text hashes of the literals the renamed hash abstracts, in order (at most {@link MAX_LITERALS}). */
  literals: number[];
  /** Indices in `literals` of the URLs and absolute paths (endpoints). */
  paths: number[];
  statements: number[];
  weights: number[];
  /** How deep each statement is nested in others (0: in the body itself). */
  depths: number[];
  /** Source span (`pos`, `end`) of each statement, for snippets. */
  spans: number[];
  /** Tokens inside statements. */
  size: number;
  /** Whether it reads a variable of an enclosing function: a closure, not a helper. */
  captures: boolean;
  /** The watched names (see {@link fingerprint}) it reads without declaring them, in order of first read. */
  reads: number[];
}

export const MAX_LITERALS = 64;

const TAG_CLOSE = hashText('tag:close') | 0;
/**
 * Globals that are values, not names: kept in the shape, so that a copy returning `NaN` where the other returns
 * `undefined` is another function, not a port using its own module's name.
 */
const [UNDEFINED, NOT_A_NUMBER, INFINITY] = ['undefined', 'NaN', 'Infinity'].map((name) => hashText(name) | 0);
const TAG_LOCAL = hashText('tag:local') | 0;
const TAG_SELF = hashText('tag:self') | 0;
const TAG_NAME = hashText('tag:name') | 0;
const TAG_PROP = hashText('tag:prop') | 0;
const TAG_LITERAL = hashText('tag:literal') | 0;
const TAG_NESTED = hashText('tag:nested-statement') | 0;
const STATEMENT_SEED = 0x1f3d5b79;

/** Names declared anywhere in a slice. */
export function boundNames(tokens: TokenBuffer, start: number, end: number): Set<number> {
  const names = new Set<number>();
  for (let i = start; i < end; i++) if (tokens.ops[i] === Op.Bind) names.add(tokens.a[i]!);
  return names;
}

export function fingerprint(
  tokens: TokenBuffer,
  start: number,
  end: number,
  selfName: number,
  enclosing?: Set<number>,
  watched?: ReadonlyMap<number, unknown>,
): Fingerprint {
  const { ops, a, b } = tokens;
  const locals = boundNames(tokens, start, end);
  locals.delete(selfName);
  let captures = false;
  const reads: number[] = [];

  const localIndex = new Map<number, number>();
  // Parameters keep their position in statement hashes (`f(a, b)` vs `f(b, c)`); other locals are one placeholder.
  const parameterIndex = new Map<number, number>();
  let inParameters = true;
  const shapeIndex = new Map<number, number>();
  let e1 = SEED_1, e2 = SEED_2, r1 = SEED_1, r2 = SEED_2, s1 = SEED_2, w1 = SEED_1;
  const literals: number[] = [];
  const paths: number[] = [];
  const statements: number[] = [];
  const weights: number[] = [];
  const depths: number[] = [];
  const spans: number[] = [];
  // Open statements: index into `statements` and running hash.
  const openIndex: number[] = [];
  const openHash: number[] = [];
  let size = 0;

  for (let i = start; i < end; i++) {
    const op = ops[i]!;
    const value = a[i]!;
    const top = openHash.length - 1;
    switch (op) {
      case Op.Kind:
      case Op.Mark:
        e1 = mix(e1, value); e2 = mixAlt(e2, value);
        r1 = mix(r1, value); r2 = mixAlt(r2, value); w1 = mix(w1, value);
        if (value !== MARK_OPTIONAL) s1 = mix(s1, value);
        if (top >= 0) openHash[top] = mix(openHash[top]!, value);
        break;
      case Op.Close:
        e1 = mix(e1, TAG_CLOSE); e2 = mixAlt(e2, TAG_CLOSE);
        r1 = mix(r1, TAG_CLOSE); r2 = mixAlt(r2, TAG_CLOSE); w1 = mix(w1, TAG_CLOSE);
        s1 = mix(s1, TAG_CLOSE);
        if (top >= 0) openHash[top] = mix(openHash[top]!, TAG_CLOSE);
        continue;
      case Op.Ref:
      case Op.Bind: {
        e1 = mix(mix(e1, TAG_NAME), value); e2 = mixAlt(mixAlt(e2, TAG_NAME), value);
        if ((value === UNDEFINED || value === NOT_A_NUMBER || value === INFINITY) && !locals.has(value)) {
          s1 = mix(mix(s1, TAG_NAME), value);
        } else {
          let shapeSlot = shapeIndex.get(value);
          if (shapeSlot === undefined) shapeIndex.set(value, (shapeSlot = shapeIndex.size));
          s1 = mix(mix(s1, TAG_NAME), shapeSlot);
        }
        if (locals.has(value)) {
          let slot = localIndex.get(value);
          if (slot === undefined) localIndex.set(value, (slot = localIndex.size));
          r1 = mix(mix(r1, TAG_LOCAL), slot); r2 = mixAlt(mixAlt(r2, TAG_LOCAL), slot); w1 = mix(w1, TAG_LOCAL);
          if (inParameters && op === Op.Bind && !parameterIndex.has(value)) parameterIndex.set(value, parameterIndex.size);
          if (top >= 0) openHash[top] = mix(mix(openHash[top]!, TAG_LOCAL), parameterIndex.get(value) ?? -1);
        } else if (value === selfName) {
          r1 = mix(r1, TAG_SELF); r2 = mixAlt(r2, TAG_SELF); w1 = mix(w1, TAG_SELF);
          if (top >= 0) openHash[top] = mix(openHash[top]!, TAG_SELF);
        } else {
          if (enclosing?.has(value)) captures = true;
          if (watched?.has(value) && !reads.includes(value)) reads.push(value);
          r1 = mix(mix(r1, TAG_NAME), value); r2 = mixAlt(mixAlt(r2, TAG_NAME), value); w1 = mix(mix(w1, TAG_NAME), value);
          if (top >= 0) openHash[top] = mix(mix(openHash[top]!, TAG_NAME), value);
        }
        break;
      }
      case Op.Prop:
        e1 = mix(mix(e1, TAG_PROP), value); e2 = mixAlt(mixAlt(e2, TAG_PROP), value);
        r1 = mix(mix(r1, TAG_PROP), value); r2 = mixAlt(mixAlt(r2, TAG_PROP), value); w1 = mix(mix(w1, TAG_PROP), value);
        s1 = mix(mix(s1, TAG_PROP), value);
        if (top >= 0) openHash[top] = mix(mix(openHash[top]!, TAG_PROP), value);
        break;
      case Op.Literal:
      case Op.FixedLiteral: {
        const text = b[i]!;
        e1 = mix(mix(e1, value), text); e2 = mixAlt(mixAlt(e2, value), text);
        if (op === Op.Literal) {
          r1 = mix(mix(r1, TAG_LITERAL), value); r2 = mixAlt(mixAlt(r2, TAG_LITERAL), value); w1 = mix(mix(w1, value), text);
          s1 = mix(mix(s1, TAG_LITERAL), value);
          if (literals.length < MAX_LITERALS) {
            if (value === LITERAL_PATH) paths.push(literals.length);
            literals.push(text >>> 0);
          }
        } else {
          r1 = mix(mix(r1, value), text); r2 = mixAlt(mixAlt(r2, value), text); w1 = mix(mix(w1, value), text);
          s1 = mix(mix(s1, value), text);
        }
        if (top >= 0) openHash[top] = mix(mix(openHash[top]!, value), text);
        break;
      }
      case Op.Statement:
        inParameters = false;
        if (top >= 0) openHash[top] = mix(openHash[top]!, TAG_NESTED);
        openIndex.push(statements.length);
        openHash.push(STATEMENT_SEED);
        statements.push(0);
        weights.push(0);
        depths.push(openIndex.length - 1);
        spans.push(value, b[i]!);
        continue;
      case Op.StatementEnd: {
        const index = openIndex.pop()!;
        statements[index] = finish(openHash.pop()!);
        continue;
      }
    }
    if (top >= 0) {
      weights[openIndex[top]!]!++;
      size++;
    }
  }
  for (const name of [...locals].sort((x, y) => x - y)) w1 = mix(w1, name);
  return {
    exact: combine(e1, e2),
    renamed: combine(r1, r2),
    shape: finish(s1),
    wiringFree: finish(w1),
    literals,
    paths,
    statements,
    weights,
    depths,
    spans,
    size,
    captures,
    reads,
  };
}
