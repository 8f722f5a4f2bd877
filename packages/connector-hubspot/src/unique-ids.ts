import type { BatchResult } from './batch-runner.js';

/** Ids with each value once, in first-seen order, and where each one was asked for. */
export interface UniqueIds {
  unique: string[];
  /** For each unique id (same order), the positions in the caller's list that named it. */
  positions: number[][];
}

/** HubSpot refuses a batch that names one id twice (400 for every input): send each id once. */
export function uniqueIds(ids: readonly string[]): UniqueIds {
  const at = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const list = at.get(id);
    if (list) list.push(i);
    else at.set(id, [i]);
  });
  return { unique: [...at.keys()], positions: [...at.values()] };
}

/**
 * Maps a batch result over the unique ids back to the caller's list: a failure is reported at every position
 * that asked for its id (each record comes back once, whichever positions named it).
 */
export function spreadFailures<T>(result: BatchResult<T, string>, ids: UniqueIds): BatchResult<T, string> {
  return {
    results: result.results,
    errors: result.errors.flatMap((failure) => {
      if (failure.index === undefined) return [failure];
      const positions = ids.positions[failure.index] ?? [];
      return positions.map((index) => ({ ...failure, index, input: ids.unique[failure.index ?? -1] }));
    }),
  };
}
