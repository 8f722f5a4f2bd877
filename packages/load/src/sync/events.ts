import type { JsonValue } from '@cf/core';

/** What a sync reports while it runs (`onEvent`). */
export type SyncEvent =
  | { type: 'streamStart'; stream: string; table: string; resumeFrom: JsonValue | null; fullRefresh: boolean }
  | { type: 'columnsAdded'; stream: string; table: string; columns: string[] }
  | { type: 'batch'; stream: string; records: number; rejects: number; totalRecords: number; totalRejects: number; pages: number }
  | { type: 'warning'; stream: string; message: string }
  | { type: 'streamEnd'; stream: string; summary: StreamSummary };

export interface StreamSummary {
  stream: string;
  table: string;
  /** Records committed by this run (after dedupe by primary key within each batch). */
  records: number;
  /** Records that failed validation, in the rejects table. */
  rejects: number;
  pages: number;
  batches: number;
  /** The checkpoint this run started from (null: the beginning). */
  resumedFrom: JsonValue | null;
  /** The last page was committed. */
  complete: boolean;
  elapsedMs: number;
  warnings: string[];
  /** Set when the stream stopped on an error (its committed batches stay; a rerun resumes after them). */
  error?: { code: string; message: string } | undefined;
}

export interface SyncSummary {
  connector: string;
  destination: string;
  streams: StreamSummary[];
  records: number;
  rejects: number;
  /** Stopped by the signal; every committed batch stays and a rerun resumes after it. */
  interrupted: boolean;
}
