import type { ResolvedType } from './resolve.js';

/**
 * Numbers name a type only within their enum: `VADEventType.START_OF_SPEECH` and `SpeechEventType.START_OF_SPEECH`
 * are both 0 but two protocols. Numeric members match members of an enum of the same name (a copy of it in the
 * other package) and bare numbers or constants; strings match by value.
 */
function numericCatalog(type: ResolvedType): string | undefined {
  if (!type.key.startsWith('n:') || type.catalog === undefined) return undefined;
  return type.catalog.slice(type.catalog.lastIndexOf('#') + 1);
}

export function sameType(a: ResolvedType, b: ResolvedType): boolean {
  if (a.key !== b.key) return false;
  const left = numericCatalog(a);
  const right = numericCatalog(b);
  return left === undefined || right === undefined || left === right;
}

/** A set of resolved types compared with {@link sameType}. */
export class TypeSet {
  /** `key` for strings and bare numbers, `key#Enum` for enum members. */
  private readonly exact = new Set<string>();
  private readonly numbers = new Set<string>();
  /** Numbers not from an enum: they match any enum's member of that value. */
  private readonly bareNumbers = new Set<string>();

  add(type: ResolvedType): void {
    const catalog = numericCatalog(type);
    this.exact.add(catalog === undefined ? type.key : `${type.key}#${catalog}`);
    if (!type.key.startsWith('n:')) return;
    this.numbers.add(type.key);
    if (catalog === undefined) this.bareNumbers.add(type.key);
  }

  has(type: ResolvedType): boolean {
    if (!type.key.startsWith('n:')) return this.exact.has(type.key);
    const catalog = numericCatalog(type);
    if (catalog === undefined) return this.numbers.has(type.key);
    return this.exact.has(`${type.key}#${catalog}`) || this.bareNumbers.has(type.key);
  }
}
