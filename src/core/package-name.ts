/** The npm package a bare specifier names: `@scope/name/sub/path` -> `@scope/name`, `pg/lib/x` -> `pg`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return parts[0]!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
