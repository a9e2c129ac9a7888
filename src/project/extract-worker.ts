import { parentPort, workerData } from 'node:worker_threads';
import { findCheck } from '../checks/registry.js';
import { extractSyntacticFacts, type EnabledCheck, type ExtractRequest } from './extract-file.js';
import { bundledTs } from './typescript.js';

export interface WorkerSetup {
  checks: { name: string; options: unknown }[];
}

export interface WorkerBatch {
  id: number;
  requests: ExtractRequest[];
}

const setup = workerData as WorkerSetup;
const enabled: EnabledCheck[] = setup.checks.map(({ name, options }) => ({ check: findCheck(name)!, options }));

parentPort!.on('message', (batch: WorkerBatch) => {
  const results = batch.requests.map((request) => extractSyntacticFacts(bundledTs, request, enabled));
  parentPort!.postMessage({ id: batch.id, results });
});
