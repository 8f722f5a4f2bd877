import { isConnectorError } from '@cf/core';
import { EXIT, type ExitCode } from './exit-codes.js';

/** An error the CLI reports as one line and an exit code, without a stack trace. */
export class CliError extends Error {
  /** Always `CliError`. */
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** The process exit code to end with (`EXIT.failure` unless given). */
    readonly exitCode: ExitCode = EXIT.failure,
  ) {
    super(message);
  }
}

/** Bad arguments, an unknown connector or resource, a state file for another resource... */
export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);

/** The exit code for anything a command throws: usage, auth and API failures are told apart by core's codes. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (isConnectorError(error)) {
    if (error.code === 'VALIDATION_ERROR') return EXIT.usage;
    if (error.code === 'AUTH_FAILED') return EXIT.auth;
    if (error.code === 'CANCELLED') return EXIT.interrupted;
    return EXIT.api;
  }
  return EXIT.failure;
}
