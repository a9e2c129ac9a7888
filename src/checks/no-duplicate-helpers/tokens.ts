import { hashText } from './hash.js';

/**
 * The token stream: each function body flattened into (op, a, b) triples in a reusable Int32 buffer.
 * Identifiers keep their role (binding, reference, property name) and literals their text hash, so the
 * fingerprints of every helper (and of helpers nested in it) are computed from slices of one stream
 * without walking the AST again.
 */
/** The mark of `?.`: part of what code does, not of its shape (`url?.endsWith` is `url.endsWith` where `url` may be missing). */
export const MARK_OPTIONAL = hashText('mark:optional-chain') | 0;
/** Kind of a literal that is a URL or an absolute path (`/files/${key}`, `https://api.example.com`): an endpoint. */
export const LITERAL_PATH = hashText('literal:path') | 0;

/** Token operations (plain constants rather than an enum: they are read in the hottest loops). */
export const Op = {
  /** A syntax node; a = stable kind code. */
  Kind: 0,
  /** End of a node that has children. */
  Close: 1,
  /** An identifier read or written; a = name hash. */
  Ref: 2,
  /** An identifier declared here (parameter, variable, function, class, catch variable); a = name hash. */
  Bind: 3,
  /** A property, member or attribute name: part of the shape, never renamed; a = name hash. */
  Prop: 4,
  /** A string or number literal that a renamed copy may change; a = literal class, b = text hash. */
  Literal: 5,
  /** A literal that says what the code does (case label, discriminant, key, JSX text); a = class, b = text hash. */
  FixedLiteral: 6,
  /** Start of a statement; a = node.pos, b = node.end, or ~end for an arrow's expression body (for snippets). */
  Statement: 7,
  StatementEnd: 8,
  /** A structural marker (operator, `else`, `async`, rest, depth cut); a = marker code. */
  Mark: 9,
} as const;

export type Op = (typeof Op)[keyof typeof Op];

export class TokenBuffer {
  ops = new Int32Array(1 << 16);
  a = new Int32Array(1 << 16);
  b = new Int32Array(1 << 16);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  push(op: Op, a: number, b = 0): void {
    if (this.length === this.ops.length) this.grow();
    const i = this.length++;
    this.ops[i] = op;
    this.a[i] = a;
    this.b[i] = b;
  }

  private grow(): void {
    const size = this.ops.length * 2;
    const copy = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.ops = copy(this.ops);
    this.a = copy(this.a);
    this.b = copy(this.b);
  }
}
