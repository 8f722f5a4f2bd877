import type { JsonValue } from '@cf/core';

/** What a sync reports while it runs (`onEvent`). */
export type SyncEvent =
  | {
      /** A stream starts. */
      type: 'streamStart';
      /** The stream's name. */
      stream: string;
      /** Its table. */
      table: string;
      /** The checkpoint it resumes from (null: the beginning). */
      resumeFrom: JsonValue | null;
      /** Whether it starts over (`fullRefresh`, or its saved state was forgotten). */
      fullRefresh: boolean;
    }
  | {
      /** The stream's table gained columns (new fields in the records). */
      type: 'columnsAdded';
      /** The stream's name. */
      stream: string;
      /** Its table. */
      table: string;
      /** The columns added. */
      columns: string[];
    }
  | {
      /** A batch was committed. */
      type: 'batch';
      /** The stream's name. */
      stream: string;
      /** Records committed in this batch. */
      records: number;
      /** Records rejected in this batch. */
      rejects: number;
      /** Records committed by this run so far. */
      totalRecords: number;
      /** Records rejected by this run so far. */
      totalRejects: number;
      /** Pages read by this run so far. */
      pages: number;
    }
  | {
      /** Something the run noticed but went on (also kept in the stream's summary). */
      type: 'warning';
      /** The stream's name. */
      stream: string;
      /** What happened. */
      message: string;
    }
  | {
      /** A stream ended (completely, or on an error). */
      type: 'streamEnd';
      /** The stream's name. */
      stream: string;
      /** What it did. */
      summary: StreamSummary;
    };

/** What one stream did in a sync run. */
export interface StreamSummary {
  /** The stream's name. */
  stream: string;
  /** Its table. */
  table: string;
  /** Records committed by this run (after dedupe by primary key within each batch). */
  records: number;
  /** Records that failed validation, in the rejects table. */
  rejects: number;
  /** Pages read. */
  pages: number;
  /** Batches committed. */
  batches: number;
  /** The checkpoint this run started from (null: the beginning). */
  resumedFrom: JsonValue | null;
  /** The last page was committed. */
  complete: boolean;
  /** How long the stream took, in ms. */
  elapsedMs: number;
  /** What the run noticed but went on (also sent as `warning` events). */
  warnings: string[];
  /** Set when the stream stopped on an error (its committed batches stay; a rerun resumes after them). */
  error?: { code: string; message: string } | undefined;
}

/** What a sync run did: per stream, and in total. */
export interface SyncSummary {
  /** The connector's registry name. */
  connector: string;
  /** The destination's label (never a password). */
  destination: string;
  /** One summary per stream, in the order they ran. */
  streams: StreamSummary[];
  /** Records committed, all streams. */
  records: number;
  /** Records rejected, all streams. */
  rejects: number;
  /** Stopped by the signal; every committed batch stays and a rerun resumes after it. */
  interrupted: boolean;
}
