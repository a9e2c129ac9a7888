/**
 * Helper names as evidence. `_safe_websocket_state_for_logging`, `safeWebSocketStateForLogging` and
 * `safeWebsocketStateForLogging` share one key: case, separators and leading/trailing underscores or `$`
 * are ignored.
 */
export function nameKey(name: string): string {
  return name.replace(/[_$\-\s]+/g, '').toLowerCase();
}

/** Number of words in an identifier: camelCase humps, snake_case parts, digit runs. */
export function wordCount(name: string): number {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.length;
}

export interface NamedUnit {
  key: string;
  words: number;
  /** Class and object members: their names are often dictated by an interface, so they weigh less. */
  member: boolean;
}

/**
 * Whether equal names corroborate that two similar functions are one helper. Short names (`get`,
 * `render`, `toString`) are too common to mean anything, and two methods sharing a name usually implement
 * one interface (`escapeQueryWithParameters` in every database driver) rather than copy each other.
 */
export function namesCorroborate(a: NamedUnit, b: NamedUnit): boolean {
  if (a.key !== b.key || a.key.length < 6 || (a.member && b.member)) return false;
  return Math.min(a.words, b.words) >= 2;
}
