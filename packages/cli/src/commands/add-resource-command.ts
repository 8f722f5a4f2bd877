import { InvalidArgumentError, Option, type Command } from 'commander';
import { HTTP_METHODS, PAGINATION_STYLES, type ResourceHttpMethod } from '../add-resource/choices.js';
import type { AddResourceFlags } from './add-resource.js';

const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer.');
  return n;
};

const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];
const httpMethod = (value: string): ResourceHttpMethod => {
  const upper = value.toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(upper)) throw new InvalidArgumentError(`must be one of ${HTTP_METHODS.join(', ')}.`);
  return upper as ResourceHttpMethod;
};

/** `cf add-resource`'s arguments and flags on `command`, and its action (printing with `print`). */
export function defineAddResourceCommand(command: Command, io: { cwd: string; print: (text: string) => void }): Command {
  return command
    .description('add a resource (or a method of one) to a connector package from sample responses: schema, method, mock, test, README row')
    .argument('<name>', 'the resource, lower-case words joined by - (orders, line-items)')
    .argument('<endpoint>', 'the path under the base URL, parameters in braces (/customers/{customerId}/orders)')
    .option('--dir <dir>', 'the connector package (default: the current directory)')
    .option('--sample <file>', 'a JSON file holding one response body; repeat it for several (pages, records): the schema accepts them all', repeatable)
    .option('--samples <file>', 'a JSON file holding an array of response bodies')
    .option('--request-sample <file>', 'POST/PUT/PATCH: a JSON file holding one request body (the input schema is inferred from it)')
    .option('--http-method <verb>', `the HTTP verb: ${HTTP_METHODS.join(', ')} (default GET)`, httpMethod)
    .option('--method <name>', "the method's name (default list/get, create for POST, update for PUT/PATCH, delete for DELETE)")
    .addOption(new Option('--pagination <style>', 'how the endpoint pages (default none)').choices(PAGINATION_STYLES))
    .option('--items-field <path>', 'where the records are in the response (data, result.items)')
    .option('--cursor-field <path>', "cursor pagination: where the next page's cursor is (next_cursor, paging.next.after)")
    .option('--cursor-param <name>', 'the cursor query parameter (default cursor)')
    .option('--offset-param <name>', 'the offset query parameter (default offset)')
    .option('--page-param <name>', 'the page query parameter (default page)')
    .option('--page-size-param <name>', 'the page size query parameter (default limit for offset, per_page for page)')
    .option('--max-page-size <n>', "the API's largest page size (default 100)", positiveInteger)
    .option('--docs-url <url>', "the endpoint's reference page")
    .option('--idempotent', 'a write that is safe to send twice (a search POST, a PATCH of absolute values)')
    .option('--no-idempotent', 'a PUT or DELETE that is not safe to send twice')
    .option('--idempotency-key', "a write that is not idempotent, whose API honours Idempotency-Key: callers' idempotencyKey makes it safe to retry")
    .option('--json', 'print the result as JSON')
    .action(async (name: string, endpoint: string, flags: AddResourceFlags) => {
      // The generator (and zod) load when the command runs, not when `cf` starts.
      const { addResourceCommand, formatAddResource } = await import('./add-resource.js');
      const result = addResourceCommand(name, endpoint, flags, io.cwd);
      io.print(flags.json ? JSON.stringify(result, null, 2) : formatAddResource(result));
    });
}
