import type { HttpHandler } from 'msw';
import type { MockAccount } from '../account.js';
import { hubspotError, json, noContent } from '../responses.js';
import { present, toStoredValues, validateWrite } from './records.js';
import { asArray, asRecord, asString, decodeAfter, encodeAfter, listParam, readJson, route } from './route.js';

/** `/crm/v3/objects/{objectType}`: list, get, create, update, archive. */
export function objectHandlers(account: MockAccount): HttpHandler[] {
  return [
    route(account, 'get', '*/crm/v3/objects/:objectType', (_req, { objectType = '' }, url) => {
      const table = account.table(objectType);
      const limit = Number(url.searchParams.get('limit') ?? '10');
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return hubspotError(400, 'VALIDATION_ERROR', `limit must be between 1 and 100, got ${url.searchParams.get('limit')}.`);
      const start = decodeAfter(url.searchParams.get('after'));
      if (start === undefined) return hubspotError(400, 'VALIDATION_ERROR', 'Invalid after cursor.');
      const archived = url.searchParams.get('archived') === 'true';
      const options = { properties: listParam(url, 'properties'), propertiesWithHistory: listParam(url, 'propertiesWithHistory'), associations: listParam(url, 'associations') };
      const results: Array<Record<string, unknown>> = [];
      let i = start;
      for (; i < table.size && results.length < limit; i += 1) {
        const record = table.at(i);
        if (record && record.archived === archived) results.push(present(account, table, record, options));
      }
      account.stats.listPages += 1;
      account.stats.listRecordsServed += results.length;
      if (i >= table.size) return json({ results });
      const after = encodeAfter(i);
      return json({ results, paging: { next: { after, link: `${url.origin}${url.pathname}?after=${after}` } } });
    }),

    route(account, 'get', '*/crm/v3/objects/:objectType/:objectId', (_req, { objectType = '', objectId = '' }, url) => {
      const table = account.table(objectType);
      const idProperty = url.searchParams.get('idProperty');
      const archived = url.searchParams.get('archived') === 'true';
      const record = idProperty ? table.findBy(idProperty, objectId) : table.get(objectId);
      if (!record || record.archived !== archived) {
        return hubspotError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', { context: { id: [objectId] } });
      }
      return json(present(account, table, record, { properties: listParam(url, 'properties'), propertiesWithHistory: listParam(url, 'propertiesWithHistory'), associations: listParam(url, 'associations') }));
    }),

    route(account, 'post', '*/crm/v3/objects/:objectType', async (request, { objectType = '' }) => {
      const table = account.table(objectType);
      const body = asRecord(await readJson(request));
      const properties = asRecord(body.properties);
      const problem = validateWrite(table, properties);
      if (problem) return hubspotError(problem.status, problem.category, problem.message);
      const record = table.create(toStoredValues(properties));
      for (const a of asArray(body.associations)) {
        const assoc = asRecord(a);
        const toId = asString(asRecord(assoc.to).id);
        if (!toId) continue;
        // The association's target type is implied by its type id in HubSpot; the mock infers companies for contacts.
        const types = asArray(assoc.types).map((t) => ({ category: asString(asRecord(t).associationCategory) ?? 'HUBSPOT_DEFINED', typeId: Number(asRecord(t).associationTypeId), label: null }));
        account.associations.add(table.objectType, record.id, table.objectType === 'contacts' ? 'companies' : 'contacts', toId, types);
      }
      return json(present(account, table, record, { properties: Object.keys(properties) }), 201);
    }),

    route(account, 'patch', '*/crm/v3/objects/:objectType/:objectId', async (request, { objectType = '', objectId = '' }, url) => {
      const table = account.table(objectType);
      const idProperty = url.searchParams.get('idProperty');
      const current = idProperty ? table.findBy(idProperty, objectId) : table.get(objectId);
      if (!current || current.archived) return hubspotError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', { context: { id: [objectId] } });
      const properties = asRecord(asRecord(await readJson(request)).properties);
      const problem = validateWrite(table, properties, current.id);
      if (problem) return hubspotError(problem.status, problem.category, problem.message);
      const updated = table.update(current.id, toStoredValues(properties));
      return json(present(account, table, updated ?? current, { properties: Object.keys(properties) }));
    }),

    route(account, 'delete', '*/crm/v3/objects/:objectType/:objectId', (_req, { objectType = '', objectId = '' }) => {
      account.table(objectType).archive(objectId);
      return noContent();
    }),
  ];
}
