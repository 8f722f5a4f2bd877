import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../cli-error.js';
import { addResource, type AddResourceResult } from '../add-resource/add-resource.js';
import type { PaginationStyle, ResourceHttpMethod } from '../add-resource/choices.js';

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

