import cliProgress from 'cli-progress';
import type { AnalysisProgress } from '../analyzer.js';

const STAGE_LABELS: Record<AnalysisProgress['stage'], string> = {
  types: 'types ',
  facts: 'facts ',
  checks: 'checks',
};
const UNITS: Record<AnalysisProgress['stage'], string> = { types: 'files', facts: 'files', checks: 'checks' };

export interface ProgressBar {
  update(progress: AnalysisProgress): void;
  /** Clears the bar; call before writing anything else to its stream. */
  stop(): void;
}

/**
 * A progress bar on `stream` (stderr), cleared when the analysis ends. On a terminal it redraws in place at most
 * 10 times a second; elsewhere (`--progress` in CI logs) it prints a line when each stage starts and when it ends.
 */
export function progressBar(stream: NodeJS.WriteStream): ProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'ssot {stage} [{bar}] {value}/{total} {unit}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      noTTYOutput: true,
      // Off a terminal, lines come from stage changes only (below), not from a timer.
      notTTYSchedule: 2 ** 31 - 1,
    },
    cliProgress.Presets.shades_classic,
  );
  let stage: AnalysisProgress['stage'] | undefined;
  let stageTotal = 0;
  return {
    update(progress) {
      const payload = { stage: STAGE_LABELS[progress.stage], unit: UNITS[progress.stage] };
      if (stage === undefined) {
        bar.start(progress.total, progress.done, payload);
      } else if (stage !== progress.stage) {
        // Off a terminal, each stage's line is followed by its finished line: `types [...] 0/276`, then `276/276`.
        if (!stream.isTTY) {
          bar.update(stageTotal);
          bar.render();
        }
        bar.setTotal(progress.total);
        bar.update(progress.done, payload);
        if (!stream.isTTY) bar.render();
      } else {
        bar.update(progress.done, payload);
      }
      stage = progress.stage;
      stageTotal = progress.total;
    },
    stop() {
      if (stage !== undefined) bar.stop();
      stage = undefined;
    },
  };
}
