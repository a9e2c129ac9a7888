/** `leave-room`, `leave_room`, `leaveRoom` and `LEAVE_ROOM` all normalize to `leaveroom`. */
export function normalizeTypeName(name: string): string {
  return name.toLowerCase().replace(/[-_.:\s/]+/g, '');
}

export function tokensOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length >= 3);
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export interface Candidate {
  name: string;
  /** Handled but never sent: the most likely partner of a send nobody handles. */
  orphan: boolean;
}

/**
 * The handled type a send most likely meant: the same name spelled differently, a typo, or (only among
 * handlers that nothing sends) a name sharing a word, as `execute_agent` and `start_agent` do.
 */
export function closestType(sent: string, candidates: readonly Candidate[]): Candidate | undefined {
  const normalized = normalizeTypeName(sent);
  const limit = normalized.length <= 4 ? 1 : normalized.length <= 10 ? 2 : 3;
  const sentTokens = new Set(tokensOf(sent));
  let best: { candidate: Candidate; score: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.name === sent) continue;
    const other = normalizeTypeName(candidate.name);
    let score: number;
    if (other === normalized) {
      score = 0;
    } else {
      const distance = editDistance(normalized, other, limit);
      if (distance <= limit && Math.min(normalized.length, other.length) > distance * 2) {
        score = distance;
      } else if (candidate.orphan) {
        const tokens = tokensOf(candidate.name);
        const shared = tokens.filter((token) => sentTokens.has(token)).length;
        if (shared === 0) continue;
        const union = new Set([...tokens, ...sentTokens]).size;
        score = 10 - shared / union;
      } else {
        continue;
      }
    }
    if (!candidate.orphan) score += 0.5;
    if (!best || score < best.score || (score === best.score && candidate.name < best.candidate.name)) best = { candidate, score };
  }
  return best?.candidate;
}
