/** A problem with the user's own setup (config, tsconfig, arguments): the CLI exits 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file that could not be analyzed; reported as one line, never fatal. */
export interface FileDiagnostic {
  file: string;
  message: string;
}
