import type { HttpHandler } from 'msw';
import { knownType, TYPE_ID_OF, type MockAccount } from '../account.js';
import { associationTypeFixtures } from '../fixtures.js';
import { hubspotError, json, noContent } from '../responses.js';
import { asArray, asRecord, asString, decodeAfter, encodeAfter, readJson, route } from './route.js';

/** Targets per source record in one v4 batch read result before `paging` (as HubSpot pages them). */
const BATCH_READ_TARGETS = 500;

type AssociationType = { category: string; typeId: number; label: string | null };

function parseTypes(fromType: string, toType: string, raw: unknown): AssociationType[] {
  return asArray(raw).map((t) => {
    const spec = asRecord(t);
    const typeId = Number(spec.associationTypeId);
    const category = asString(spec.associationCategory) ?? 'HUBSPOT_DEFINED';
    return knownType(fromType, toType, typeId) ?? { category, typeId, label: category === 'USER_DEFINED' ? `Label ${typeId}` : null };
  });
}

function defaultType(fromType: string, toType: string): AssociationType {
  return associationTypeFixtures[`${fromType}:${toType}`]?.[0] ?? { category: 'HUBSPOT_DEFINED', typeId: 1, label: null };
}

/** Associations v4: per-record list/create/archive, batch calls and labels. */
export function associationHandlers(account: MockAccount): HttpHandler[] {
  const now = () => new Date(account.now()).toISOString();
  return [
    route(account, 'get', '*/crm/v4/objects/:fromType/:fromId/associations/:toType', (_req, { fromType = '', fromId = '', toType = '' }, url) => {
      const limit = Number(url.searchParams.get('limit') ?? '500');
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) return hubspotError(400, 'VALIDATION_ERROR', 'limit must be between 1 and 500.');
      const start = decodeAfter(url.searchParams.get('after'));
      if (start === undefined) return hubspotError(400, 'VALIDATION_ERROR', 'Invalid after cursor.');
      const all = account.associations.list(fromType, fromId, toType);
      const results = all.slice(start, start + limit);
      const more = start + limit < all.length;
      return json({ results, ...(more ? { paging: { next: { after: encodeAfter(start + limit), link: null } } } : {}) });
    }),

    route(account, 'put', '*/crm/v4/objects/:fromType/:fromId/associations/default/:toType/:toId', (_req, { fromType = '', fromId = '', toType = '', toId = '' }) => {
      const forward = defaultType(fromType, toType);
      const backward = defaultType(toType, fromType);
      account.associations.add(fromType, fromId, toType, toId, [forward]);
      const spec = (t: AssociationType) => ({ associationCategory: t.category, associationTypeId: t.typeId });
      return json({
        status: 'COMPLETE',
        results: [
          { from: { id: fromId }, to: { id: toId }, associationSpec: spec(forward) },
          { from: { id: toId }, to: { id: fromId }, associationSpec: spec(backward) },
        ],
        startedAt: now(),
        completedAt: now(),
      });
    }),

    route(account, 'put', '*/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId', async (request, { fromType = '', fromId = '', toType = '', toId = '' }) => {
      const types = parseTypes(fromType, toType, await readJson(request));
      if (types.length === 0) return hubspotError(400, 'VALIDATION_ERROR', 'At least one association type is required.');
      account.associations.add(fromType, fromId, toType, toId, types);
      return json(
        {
          fromObjectTypeId: TYPE_ID_OF[fromType] ?? fromType,
          fromObjectId: Number(fromId),
          toObjectTypeId: TYPE_ID_OF[toType] ?? toType,
          toObjectId: Number(toId),
          labels: types.map((t) => t.label).filter((l): l is string => l !== null),
        },
        201,
      );
    }),

    route(account, 'delete', '*/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId', (_req, { fromType = '', fromId = '', toType = '', toId = '' }) => {
      account.associations.remove(fromType, fromId, toType, toId);
      return noContent();
    }),

    route(account, 'get', '*/crm/v4/associations/:fromType/:toType/labels', (_req, { fromType = '', toType = '' }) =>
      json({ results: associationTypeFixtures[`${fromType}:${toType}`] ?? [] }),
    ),

    route(account, 'post', '*/crm/v4/associations/:fromType/:toType/batch/associate/default', async (request, { fromType = '', toType = '' }) => {
      const inputs = asArray(asRecord(await readJson(request)).inputs).map(asRecord);
      const forward = defaultType(fromType, toType);
      const results = inputs.map((input) => {
        const fromId = asString(asRecord(input.from).id) ?? '';
        const toId = asString(asRecord(input.to).id) ?? '';
        account.associations.add(fromType, fromId, toType, toId, [forward]);
        return { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: forward.category, associationTypeId: forward.typeId } };
      });
      return json({ status: 'COMPLETE', results, startedAt: now(), completedAt: now() });
    }),

    route(account, 'post', '*/crm/v4/associations/:fromType/:toType/batch/:action', async (request, { fromType = '', toType = '', action = '' }) => {
      const inputs = asArray(asRecord(await readJson(request)).inputs).map(asRecord);
      if (action === 'read') {
        if (inputs.length > 1000) return hubspotError(400, 'VALIDATION_ERROR', `Batch read accepts at most 1000 ids, got ${inputs.length}.`);
        const results: unknown[] = [];
        const missing: string[] = [];
        for (const input of inputs) {
          const id = asString(input.id) ?? '';
          const all = account.associations.list(fromType, id, toType);
          if (all.length === 0) {
            missing.push(id);
            continue;
          }
          const more = all.length > BATCH_READ_TARGETS;
          results.push({ from: { id }, to: all.slice(0, BATCH_READ_TARGETS), ...(more ? { paging: { next: { after: encodeAfter(BATCH_READ_TARGETS) } } } : {}) });
        }
        const errors = missing.length
          ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `No ${toType} are associated with these ${fromType}.`, context: { ids: missing }, errors: [], links: {} }]
          : [];
        return json({ status: 'COMPLETE', results, startedAt: now(), completedAt: now(), ...(errors.length ? { numErrors: errors.length, errors } : {}) }, errors.length ? 207 : 200);
      }
      if (inputs.length > 100) return hubspotError(400, 'VALIDATION_ERROR', `Batch input size must be at most 100, got ${inputs.length}.`);
      if (action === 'create') {
        const results = inputs.map((input) => {
          const fromId = asString(asRecord(input.from).id) ?? '';
          const toId = asString(asRecord(input.to).id) ?? '';
          const types = parseTypes(fromType, toType, input.types);
          account.associations.add(fromType, fromId, toType, toId, types);
          return {
            fromObjectTypeId: TYPE_ID_OF[fromType] ?? fromType,
            fromObjectId: Number(fromId),
            toObjectTypeId: TYPE_ID_OF[toType] ?? toType,
            toObjectId: Number(toId),
            labels: types.map((t) => t.label).filter((l): l is string => l !== null),
          };
        });
        return json({ status: 'COMPLETE', results, startedAt: now(), completedAt: now() }, 201);
      }
      if (action === 'archive') {
        for (const input of inputs) {
          const fromId = asString(asRecord(input.from).id) ?? '';
          for (const to of asArray(input.to)) account.associations.remove(fromType, fromId, toType, asString(asRecord(to).id) ?? '');
        }
        return noContent();
      }
      return hubspotError(404, 'OBJECT_NOT_FOUND', `Unknown association batch action ${action}.`);
    }),
  ];
}
