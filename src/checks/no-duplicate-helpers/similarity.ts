/** Statements longer than this (per copy) are not aligned: the quadratic alignment would cost too much. */
export const MAX_ALIGNED_STATEMENTS = 400;

export interface Sequence {
  statements: readonly number[];
  weights: readonly number[];
}

export interface Alignment {
  /** Weighted Dice similarity in [0, 1]: 2 x matched size / (size of a + size of b). */
  similarity: number;
  /** Indices of statements of `a` with no counterpart in `b`, in order. */
  onlyInA: number[];
  /** Indices of statements of `b` with no counterpart in `a`, in order. */
  onlyInB: number[];
}

function total(weights: readonly number[]): number {
  let sum = 0;
  for (const weight of weights) sum += weight;
  return sum;
}

/** Cheap upper bound of the similarity from sizes alone (matched size cannot exceed the smaller copy). */
export function similarityBound(sizeA: number, sizeB: number): number {
  return (2 * Math.min(sizeA, sizeB)) / (sizeA + sizeB);
}

/** Longest common subsequence of statement hashes, weighted by statement size. */
export function align(a: Sequence, b: Sequence): Alignment {
  const n = a.statements.length;
  const m = b.statements.length;
  const width = m + 1;
  const table = new Float64Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const skip = Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      table[i * width + j] =
        a.statements[i] === b.statements[j] ? Math.max(skip, a.weights[i]! + table[(i + 1) * width + j + 1]!) : skip;
    }
  }
  const onlyInA: number[] = [];
  const onlyInB: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = table[i * width + j]!;
    if (a.statements[i] === b.statements[j] && here === a.weights[i]! + table[(i + 1) * width + j + 1]!) {
      i++;
      j++;
    } else if (here === table[(i + 1) * width + j]!) {
      onlyInA.push(i++);
    } else {
      onlyInB.push(j++);
    }
  }
  while (i < n) onlyInA.push(i++);
  while (j < m) onlyInB.push(j++);
  const sizes = total(a.weights) + total(b.weights);
  return { similarity: sizes === 0 ? 0 : (2 * table[0]!) / sizes, onlyInA, onlyInB };
}
