import { LoadError } from '../errors.js';
import type { SyncSummary } from './events.js';

/** Some streams failed (the others ran to the end). `summary` says which, with each error; a rerun resumes. */
export class SyncFailedError extends LoadError {
  /** The run's summary: each failed stream has its `error`; the others ran to the end. */
  readonly summary: SyncSummary;
  constructor(summary: SyncSummary, cause: unknown) {
    const failed = summary.streams.filter((s) => s.error !== undefined);
    super(
      'SYNC_FAILED',
      `${summary.connector}: ${failed.length} of ${summary.streams.length} streams failed (${failed.map((s) => `${s.stream}: ${s.error?.message ?? ''}`).join('; ')}); rerun to resume after the last committed batch.`,
      { cause },
    );
    this.summary = summary;
  }
}

/** `failFast`: a record failed validation and the sync stopped instead of rejecting it. */
export class RecordRejectedError extends LoadError {
  constructor(stream: string, reason: string) {
    super('RECORD_REJECTED', `${stream}: a record failed validation (${reason}); the batch was not committed (failFast)`);
  }
}
