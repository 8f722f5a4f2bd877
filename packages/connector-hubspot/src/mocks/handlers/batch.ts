import type { HttpHandler } from 'msw';
import type { MockAccount } from '../account.js';
import type { MockTable } from '../table.js';
import { hubspotError, json, noContent } from '../responses.js';
import { present, toStoredValues, validateWrite, type WriteProblem } from './records.js';
import { asArray, asRecord, asString, readJson, route } from './route.js';

const MAX_INPUTS = 100;

interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: unknown[];
  links: Record<string, string>;
}

const batchError = (category: string, message: string, context: Record<string, string[]>): BatchError => ({ status: 'error', category, message, context, errors: [], links: {} });

/** 200/201 when everything went through, 207 Multi-Status with `errors` (and `numErrors`) otherwise. */
function batchResponse(account: MockAccount, results: unknown[], errors: BatchError[], okStatus: number): Response {
  const at = new Date(account.now()).toISOString();
  const body = { status: 'COMPLETE', results, startedAt: at, completedAt: at, ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}) };
  return json(body, errors.length > 0 ? 207 : okStatus);
}

function writeFailure(problem: WriteProblem, traceId: string | undefined, id: string | undefined): BatchError {
  return batchError(problem.category, problem.message, traceId ? { objectWriteTraceId: [traceId] } : id ? { ids: [id] } : {});
}

/** `/crm/v3/objects/{objectType}/batch/{read|create|update|upsert|archive}`, up to 100 inputs each. */
export function batchHandlers(account: MockAccount): HttpHandler[] {
  return [
    route(account, 'post', '*/crm/v3/objects/:objectType/batch/:action', async (request, { objectType = '', action = '' }, url) => {
      const table = account.table(objectType);
      const body = asRecord(await readJson(request));
      const inputs = asArray(body.inputs).map(asRecord);
      if (inputs.length > MAX_INPUTS) {
        return hubspotError(400, 'VALIDATION_ERROR', `Batch input size must be at most ${MAX_INPUTS}, got ${inputs.length}.`, { context: { inputs: [String(inputs.length)] } });
      }
      const duplicates = action === 'create' ? [] : repeatedIds(inputs);
      if (duplicates.length > 0) {
        // HubSpot refuses the whole request, the valid inputs with it.
        return hubspotError(400, 'VALIDATION_ERROR', `Duplicate IDs found in batch input: [${duplicates.join(', ')}]. IDs must be unique`, { context: { ids: duplicates } });
      }
      switch (action) {
        case 'read':
          return read(account, table, body, inputs, url.searchParams.get('archived') === 'true');
        case 'create':
          return create(account, table, inputs);
        case 'update':
          return update(account, table, inputs);
        case 'upsert':
          return upsert(account, table, inputs);
        case 'archive':
          for (const input of inputs) table.archive(asString(input.id) ?? '');
          return noContent();
        default:
          return hubspotError(404, 'OBJECT_NOT_FOUND', `Unknown batch action ${action}.`);
      }
    }),
  ];
}

/** Ids that appear more than once among the inputs, each named once. */
function repeatedIds(inputs: Array<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const input of inputs) {
    const id = asString(input.id);
    if (id === undefined) continue;
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

function read(account: MockAccount, table: MockTable, body: Record<string, unknown>, inputs: Array<Record<string, unknown>>, archived: boolean): Response {
  const idProperty = asString(body.idProperty);
  const properties = asArray(body.properties).filter((p): p is string => typeof p === 'string');
  const history = asArray(body.propertiesWithHistory).filter((p): p is string => typeof p === 'string');
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = asString(input.id) ?? '';
    const record = idProperty ? table.findBy(idProperty, id) : table.get(id);
    if (!record || record.archived !== archived) missing.push(id);
    else results.push(present(account, table, record, { properties: properties.length > 0 ? properties : undefined, propertiesWithHistory: history.length > 0 ? history : undefined }));
  }
  const kind = table.objectType.replace(/s$/, '').toUpperCase();
  const errors = missing.length > 0 ? [batchError('OBJECT_NOT_FOUND', `Could not get some ${kind} objects, they may be deleted or not exist. Check that ids are valid.`, { ids: missing })] : [];
  return batchResponse(account, results, errors, 200);
}

/**
 * Without an `objectWriteTraceId` on every input, one bad input fails the whole request (HubSpot's default);
 * with them, the good inputs are created and the bad ones come back in a 207.
 */
function create(account: MockAccount, table: MockTable, inputs: Array<Record<string, unknown>>): Response {
  const traced = inputs.every((i) => typeof i.objectWriteTraceId === 'string');
  const problems = inputs.map((input) => validateWrite(table, asRecord(input.properties)));
  const firstProblem = problems.find((p) => p !== undefined);
  if (firstProblem && !traced) return hubspotError(firstProblem.status, firstProblem.category, firstProblem.message);
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  inputs.forEach((input, i) => {
    const problem = problems[i] ?? validateWrite(table, asRecord(input.properties));
    const traceId = asString(input.objectWriteTraceId);
    if (problem) {
      errors.push(writeFailure(problem, traceId, undefined));
      return;
    }
    const record = table.create(toStoredValues(input.properties));
    results.push({ ...present(account, table, record, { properties: Object.keys(asRecord(input.properties)) }), ...(traceId ? { objectWriteTraceId: traceId } : {}) });
  });
  return batchResponse(account, results, errors, 201);
}

function update(account: MockAccount, table: MockTable, inputs: Array<Record<string, unknown>>): Response {
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  for (const input of inputs) {
    const id = asString(input.id) ?? '';
    const idProperty = asString(input.idProperty);
    const traceId = asString(input.objectWriteTraceId);
    const current = idProperty ? table.findBy(idProperty, id) : table.get(id);
    if (!current || current.archived) {
      errors.push(batchError('OBJECT_NOT_FOUND', `Object ${id} not found.`, traceId ? { objectWriteTraceId: [traceId], ids: [id] } : { ids: [id] }));
      continue;
    }
    const properties = asRecord(input.properties);
    const problem = validateWrite(table, properties, current.id);
    if (problem) {
      errors.push(writeFailure(problem, traceId, id));
      continue;
    }
    const updated = table.update(current.id, toStoredValues(properties)) ?? current;
    results.push(present(account, table, updated, { properties: Object.keys(properties) }));
  }
  return batchResponse(account, results, errors, 200);
}

function upsert(account: MockAccount, table: MockTable, inputs: Array<Record<string, unknown>>): Response {
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  for (const input of inputs) {
    const id = asString(input.id) ?? '';
    const idProperty = asString(input.idProperty);
    const traceId = asString(input.objectWriteTraceId);
    if (!idProperty) {
      errors.push(batchError('VALIDATION_ERROR', 'idProperty is required for upsert.', traceId ? { objectWriteTraceId: [traceId] } : { ids: [id] }));
      continue;
    }
    const properties = { ...asRecord(input.properties), [idProperty]: id };
    const current = table.findBy(idProperty, id);
    const problem = validateWrite(table, properties, current?.id);
    if (problem) {
      errors.push(writeFailure(problem, traceId, id));
      continue;
    }
    const record = current ? (table.update(current.id, toStoredValues(properties)) ?? current) : table.create(toStoredValues(properties));
    results.push({ ...present(account, table, record, { properties: Object.keys(properties) }), new: !current });
  }
  return batchResponse(account, results, errors, 200);
}

