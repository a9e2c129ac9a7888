/**
 * Whether two values are the same plain data, as their JSON would say (a property set to undefined is absent),
 * leaving out the properties named in `ignored` at any depth. Stops at the first difference and allocates
 * nothing: editors compare a file's facts on every keystroke.
 */
export function samePlainData(a: unknown, b: unknown, ignored?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const left = a as unknown[];
    const right = b as unknown[];
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) if (!samePlainData(left[i], right[i], ignored)) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // Properties in the same order, as their JSON would have them.
  let position = 0;
  for (const key in left) {
    if (left[key] === undefined || ignored?.has(key)) continue;
    if (keyAt(right, position++, ignored) !== key || !samePlainData(left[key], right[key], ignored)) return false;
  }
  return keyAt(right, position, ignored) === undefined;
}

/** The name of the object's `position`-th property that JSON would write (objects in facts have a dozen at most). */
function keyAt(object: Record<string, unknown>, position: number, ignored: ReadonlySet<string> | undefined): string | undefined {
  let seen = 0;
  for (const key in object) {
    if (object[key] === undefined || ignored?.has(key)) continue;
    if (seen++ === position) return key;
  }
  return undefined;
}
