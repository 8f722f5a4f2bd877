import { CliError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';

/**
 * Why `addResource` refused, as a code a caller can branch on (the message says what to change):
 * - `INVALID_OPTIONS`: an option breaks its rule (the message names it: `endpoint: must be a path...`).
 * - `INVALID_SAMPLE`: a sample response (or request sample) cannot give what the options ask for (no records, no cursor...).
 * - `NOT_A_CONNECTOR`: `dir` is not a package in the `cf new` layout.
 * - `DUPLICATE_METHOD`: the resource already has a method of that name.
 * - `RESOURCE_CONFLICT`: the resource's files exist but not in the layout `addResource` writes (it cannot add a method to them).
 * - `CANNOT_WIRE`: a file to wire into lacks the line it is wired after (edited by hand): add it by hand.
 */
export type AddResourceErrorCode = 'INVALID_OPTIONS' | 'INVALID_SAMPLE' | 'NOT_A_CONNECTOR' | 'DUPLICATE_METHOD' | 'RESOURCE_CONFLICT' | 'CANNOT_WIRE';

/** A refusal of `addResource`: a usage error for the CLI (exit code 2), with a code saying which rule. */
export class AddResourceError extends CliError {
  /**
   * @param code - Which rule refused: `INVALID_OPTIONS`, `INVALID_SAMPLE`, `NOT_A_CONNECTOR`, `DUPLICATE_METHOD`,
   *   `RESOURCE_CONFLICT` or `CANNOT_WIRE` (stable: switch on it, not on the message).
   * @param message - What was refused and what to do instead.
   */
  constructor(
    readonly code: AddResourceErrorCode,
    message: string,
  ) {
    super(message, EXIT.usage);
  }
}

export const addResourceError = (code: AddResourceErrorCode, message: string): AddResourceError => new AddResourceError(code, message);
