import type { StreamDeclaration } from '../metadata/connector-metadata.js';
import type { JsonValue } from '../pagination/paginated.js';
import type { Schema } from '../schema/zod.js';
import { ValidationError } from '../errors/error-classes.js';

/** Where a stream read starts: the checkpoint the destination saved with the last committed page (null: the beginning). */
export interface StreamReadArgs {
  /** The checkpoint to resume after, or null to read from the beginning. */
  checkpoint: JsonValue | null;
  /** Values for the stream's declared `params` (strings, as a command line gives them; the stream validates them). */
  params?: Readonly<Record<string, string>> | undefined;
  /** Aborts the read. */
  signal?: AbortSignal | undefined;
}

/** One page of a stream: its records (unvalidated), and where a read resumes after it. */
export interface StreamPage {
  /** The page's records, as the API returned them (the destination validates them against `schema()`). */
  items: unknown[];
  /** Resumes exactly after this page; null when there is nothing to resume from (a full refresh starts over). */
  checkpoint: JsonValue | null;
  /** False on the last page. An incremental stream's last checkpoint picks up later changes on the next sync. */
  hasMore: boolean;
}

/**
 * A list or incremental resource as `sync()` reads it: its declaration (from the connector's metadata), the zod schema
 * one record must match (records that do not go to the destination's rejects table), and its pages from a checkpoint.
 */
export interface Stream extends StreamDeclaration {
  /** The zod schema one record must match; records that do not go to the rejects table. */
  schema(): Schema;
  /** The stream's pages from `args.checkpoint`, each with the checkpoint to resume after it. */
  read(args: StreamReadArgs): AsyncIterable<StreamPage>;
}

/** How a connector reads one declared stream. */
export interface StreamImplementation<C> {
  /** The record schema (module-level schemas stay lazy: return it from here). */
  schema: () => Schema;
  /** Reads the stream's pages with `connector` from `args.checkpoint`. */
  read(connector: C, args: StreamReadArgs): AsyncIterable<StreamPage>;
}

/**
 * Binds a connector's stream declarations (`metadata.streams`) to their implementations. Every declared stream needs
 * one and every implementation a declaration: a mismatch is a VALIDATION_ERROR naming it, at the first `streams()`.
 */
export function defineStreams<C>(
  declarations: readonly StreamDeclaration[] | undefined,
  implementations: Readonly<Record<string, StreamImplementation<C>>>,
): (connector: C) => Stream[] {
  return (connector) => {
    const declared = declarations ?? [];
    const names = new Set(declared.map((d) => d.name));
    const missing = declared.filter((d) => !Object.hasOwn(implementations, d.name)).map((d) => d.name);
    const undeclared = Object.keys(implementations).filter((n) => !names.has(n));
    if (missing.length > 0 || undeclared.length > 0) {
      throw new ValidationError({
        message: `Streams do not match their declarations: ${[
          missing.length > 0 ? `declared without an implementation: ${missing.join(', ')}` : '',
          undeclared.length > 0 ? `implemented but not declared in metadata.streams: ${undeclared.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ')}`,
      });
    }
    return declared.map((declaration) => {
      const impl = implementations[declaration.name]!;
      return { ...declaration, primaryKey: [...declaration.primaryKey], schema: impl.schema, read: (args: StreamReadArgs) => impl.read(connector, args) };
    });
  };
}
