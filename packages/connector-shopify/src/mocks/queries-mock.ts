import { estimateOperationCost } from '../cost-estimate.js';
import { parseGid } from '../gid.js';
import { resolveArg, type FieldSelection, type GraphqlDocument } from '../graphql-document.js';
import { advanceBulkOperation, bulkView, type MockBulkOperation, type MockBulkOptions } from './bulk-mock.js';
import type { MockRecord } from './fixtures.js';
import { connection, project, type ProjectionContext } from './projection.js';
import { afterCursor, decodeCursor, encodeCursor, filterRecords, sortRecords, sortValue } from './search.js';
import { CONNECTION_ROOTS, MockGraphqlError, SINGLE_ROOTS, type MockStore } from './store.js';

export interface QueryContext extends ProjectionContext {
  doc: GraphqlDocument;
  store: MockStore;
  bulkOperations: MockBulkOperation[];
  bulk: MockBulkOptions;
  now: () => number;
}

/**
 * Resolves one top-level query field: its value for the selection, and its actual cost (a connection
 * that returns fewer items than `first` costs less than requested, and the difference is refunded).
 */
export function resolveQueryField(field: FieldSelection, ctx: QueryContext): { value: unknown; actual: number } {
  const args = (name: string) => resolveArg(field.args[name], ctx.variables);
  const requested = estimateOperationCost({ operation: 'query', name: undefined, selections: [field] }, ctx.doc.fragments, ctx.variables);
  const selections = field.selections ?? [];
  if (field.name === '__typename') return { value: 'QueryRoot', actual: 0 };
  if (field.name === 'shop') return { value: project(ctx.store.shop, selections, ctx), actual: requested };
  const listKey = CONNECTION_ROOTS[field.name];
  if (listKey) {
    const first = args('first');
    if (first === undefined || first === null) throw new MockGraphqlError('you must provide one of first or last', undefined, [field.name]);
    if (typeof first !== 'number' || first < 0 || first > 250) {
      throw new MockGraphqlError(`The value of 'first' must be between 0 and 250, got ${JSON.stringify(first)}.`, 'BAD_REQUEST', [field.name]);
    }
    const sortKey = args('sortKey') ?? 'ID';
    const reverse = args('reverse') === true;
    let items = sortRecords(filterRecords(ctx.store[listKey], args('query')), sortKey, reverse);
    const after = args('after');
    if (typeof after === 'string') {
      const cursor = decodeCursor(after);
      if (!cursor) throw new MockGraphqlError('Invalid cursor for current pagination sort.', 'BAD_REQUEST', [field.name]);
      items = afterCursor(items, sortKey, reverse, cursor);
    }
    const page = items.slice(0, first);
    const value = connection(page, selections, { first }, ctx, {
      hasNextPage: items.length > first,
      hasPreviousPage: typeof after === 'string',
      cursor: (item) => encodeCursor(sortValue(item as MockRecord, sortKey)),
    });
    const perItem = first > 0 ? (requested - 2) / first : 0;
    return { value, actual: Math.ceil(2 + page.length * perItem) };
  }
  const singleKey = SINGLE_ROOTS[field.name];
  if (singleKey || field.name === 'node') {
    const id = args('id');
    if (typeof id !== 'string' || !parseGid(id)) throw new MockGraphqlError(`Invalid global id '${JSON.stringify(id)}'`, 'argumentLiteralsIncompatible', [field.name]);
    const op = ctx.bulkOperations.find((b) => b.id === id);
    if (op && field.name === 'node') {
      advanceBulkOperation(op, ctx.bulk, ctx.now());
      return { value: project(bulkView(op), selections, ctx), actual: 1 };
    }
    const pool = singleKey ? ctx.store[singleKey] : Object.values(CONNECTION_ROOTS).flatMap((k) => ctx.store[k]);
    const found = pool.find((r) => r.id === id);
    return { value: found ? project(found, selections, ctx) : null, actual: found ? requested : 1 };
  }
  if (field.name === 'currentBulkOperation') {
    const op = ctx.bulkOperations.at(-1);
    if (op) advanceBulkOperation(op, ctx.bulk, ctx.now());
    return { value: op ? project(bulkView(op), selections, ctx) : null, actual: 1 };
  }
  throw new MockGraphqlError(`Field '${field.name}' doesn't exist on type 'QueryRoot'`, 'undefinedField', ['query', field.name]);
}
