import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { usageError } from '../cli-error.js';
import { addResource, type AddResourceResult } from '../add-resource/add-resource.js';
import { HTTP_METHODS, PAGINATION_STYLES, type ResourceHttpMethod, type PaginationStyle } from '../add-resource/add-resource-options.js';

/** `cf add-resource`'s flags, as commander parses them. */
export interface AddResourceFlags {
  dir?: string | undefined;
  /** `--sample <file>`, repeatable: one response body per file. */
  sample?: string[] | undefined;
  /** `--samples <file>`: a JSON array of response bodies. */
  samples?: string | undefined;
  requestSample?: string | undefined;
  httpMethod?: ResourceHttpMethod | undefined;
  method?: string | undefined;
  pagination?: PaginationStyle | undefined;
  itemsField?: string | undefined;
  cursorField?: string | undefined;
  cursorParam?: string | undefined;
  offsetParam?: string | undefined;
  pageParam?: string | undefined;
  pageSizeParam?: string | undefined;
  maxPageSize?: number | undefined;
  docsUrl?: string | undefined;
  idempotent?: boolean | undefined;
  idempotencyKey?: boolean | undefined;
  json?: boolean | undefined;
}

/** A JSON file's value, or a usage error naming the flag and the file. */
function readJson(flag: string, file: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw usageError(`${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw usageError(`${flag} ${file} is not JSON (${error instanceof Error ? error.message : String(error)}): give a response body saved as JSON.`);
  }
}

/**
 * `cf add-resource <name> <endpoint>`: reads the sample files and runs `addResource` on the package in `--dir`.
 * Unreadable or non-JSON files are usage errors naming the flag; the rest is `addResource`'s own validation.
 */
export function addResourceCommand(name: string, endpoint: string, flags: AddResourceFlags, cwd: string): AddResourceResult {
  const samples = [
    ...(flags.sample ?? []).map((file) => readJson('--sample', file, cwd)),
    ...(flags.samples === undefined
      ? []
      : (() => {
          const all = readJson('--samples', flags.samples, cwd);
          if (!Array.isArray(all)) throw usageError(`--samples ${flags.samples} must hold a JSON array of response bodies; give one response with --sample.`);
          return all as unknown[];
        })()),
  ];
  const params = Object.fromEntries(
    Object.entries({ cursor: flags.cursorParam, offset: flags.offsetParam, page: flags.pageParam, pageSize: flags.pageSizeParam }).filter(([, v]) => v !== undefined),
  );
  return addResource({
    cwd,
    dir: flags.dir ?? '.',
    name,
    endpoint,
    ...(samples.length > 0 ? { samples } : {}),
    ...(flags.requestSample !== undefined ? { requestSample: readJson('--request-sample', flags.requestSample, cwd) } : {}),
    ...(flags.httpMethod !== undefined ? { httpMethod: flags.httpMethod } : {}),
    ...(flags.method !== undefined ? { method: flags.method } : {}),
    ...(flags.pagination !== undefined ? { pagination: flags.pagination } : {}),
    ...(flags.itemsField !== undefined ? { itemsField: flags.itemsField } : {}),
    ...(flags.cursorField !== undefined ? { cursorField: flags.cursorField } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(flags.maxPageSize !== undefined ? { maxPageSize: flags.maxPageSize } : {}),
    ...(flags.docsUrl !== undefined ? { docsUrl: flags.docsUrl } : {}),
    ...(flags.idempotent !== undefined ? { idempotent: flags.idempotent } : {}),
    ...(flags.idempotencyKey !== undefined ? { idempotencyKey: flags.idempotencyKey } : {}),
  });
}

export function formatAddResource(result: AddResourceResult): string {
  return [
    `${result.addedToExisting ? 'added' : 'created'} ${result.property}.${result.method}() in ${result.dir}`,
    ...(result.created.length > 0 ? [`  created: ${result.created.join(', ')}`] : []),
    `  updated: ${result.updated.join(', ')}`,
    'next:',
    ...result.nextSteps.map((s) => `  - ${s}`),
  ].join('\n');
}

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
    .action((name: string, endpoint: string, flags: AddResourceFlags) => {
      const result = addResourceCommand(name, endpoint, flags, io.cwd);
      io.print(flags.json ? JSON.stringify(result, null, 2) : formatAddResource(result));
    });
}
