import type { HttpHandler } from 'msw';
import type { MockAccount } from '../account.js';
import { accountFixture } from '../fixtures.js';
import { hubspotError, json } from '../responses.js';
import { asRecord, asString, decodeAfter, encodeAfter, readJson, route } from './route.js';

/** Properties, owners, pipelines and account details. */
export function metadataHandlers(account: MockAccount): HttpHandler[] {
  const owners = (url: URL) => {
    const limit = Number(url.searchParams.get('limit') ?? '100');
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return hubspotError(400, 'VALIDATION_ERROR', 'limit must be between 1 and 500.');
    const start = decodeAfter(url.searchParams.get('after'));
    if (start === undefined) return hubspotError(400, 'VALIDATION_ERROR', 'Invalid after cursor.');
    const email = url.searchParams.get('email');
    const archived = url.searchParams.get('archived') === 'true';
    const all = account.owners.filter((o) => o.archived === archived && (email === null || o.email.toLowerCase() === email.toLowerCase()));
    const results = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return json({ results, ...(more ? { paging: { next: { after: encodeAfter(start + limit), link: `${url.origin}${url.pathname}?after=${encodeAfter(start + limit)}` } } } : {}) });
  };
  return [
    route(account, 'get', '*/crm/v3/properties/:objectType', (_req, { objectType = '' }, url) => {
      const archived = url.searchParams.get('archived') === 'true';
      return json({ results: (account.properties[objectType] ?? []).filter((p) => (p.archived === true) === archived) });
    }),
    route(account, 'get', '*/crm/v3/properties/:objectType/:name', (_req, { objectType = '', name = '' }) => {
      const found = (account.properties[objectType] ?? []).find((p) => p.name === name);
      return found ? json(found) : hubspotError(404, 'OBJECT_NOT_FOUND', `Unable to find property ${name} for object type ${objectType}.`, { context: { propertyName: [name] } });
    }),
    route(account, 'post', '*/crm/v3/properties/:objectType', async (request, { objectType = '' }) => {
      const body = asRecord(await readJson(request));
      const name = asString(body.name) ?? '';
      const list = (account.properties[objectType] ??= []);
      if (list.some((p) => p.name === name)) return hubspotError(409, 'OBJECT_ALREADY_EXISTS', `A property named '${name}' already exists.`, { context: { name: [name] } });
      const at = new Date(account.now()).toISOString();
      const created = { options: [], displayOrder: -1, hidden: false, formField: false, hasUniqueValue: false, ...body, createdAt: at, updatedAt: at, calculated: false, externalOptions: false, hubspotDefined: false, archived: false, modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false } };
      list.push(created);
      return json(created, 201);
    }),
    route(account, 'get', '*/crm/v3/owners', (_req, _p, url) => owners(url)),
    route(account, 'get', '*/crm/v3/owners/', (_req, _p, url) => owners(url)),
    route(account, 'get', '*/crm/v3/owners/:ownerId', (_req, { ownerId = '' }, url) => {
      const byUser = url.searchParams.get('idProperty') === 'userId';
      const found = account.owners.find((o) => (byUser ? String(o.userId) === ownerId : o.id === ownerId));
      return found ? json(found) : hubspotError(404, 'OBJECT_NOT_FOUND', `Owner ${ownerId} not found.`, { context: { id: [ownerId] } });
    }),
    route(account, 'get', '*/crm/v3/pipelines/:objectType', (_req, { objectType = '' }) => json({ results: account.pipelines[objectType] ?? [] })),
    route(account, 'get', '*/crm/v3/pipelines/:objectType/:pipelineId', (_req, { objectType = '', pipelineId = '' }) => {
      const found = (account.pipelines[objectType] ?? []).find((p) => asRecord(p).id === pipelineId);
      return found ? json(found) : hubspotError(404, 'OBJECT_NOT_FOUND', `Pipeline ${pipelineId} not found.`, { context: { pipelineId: [pipelineId] } });
    }),
    route(account, 'get', '*/crm/v3/pipelines/:objectType/:pipelineId/stages', (_req, { objectType = '', pipelineId = '' }) => {
      const found = (account.pipelines[objectType] ?? []).find((p) => asRecord(p).id === pipelineId);
      return found ? json({ results: asRecord(found).stages }) : hubspotError(404, 'OBJECT_NOT_FOUND', `Pipeline ${pipelineId} not found.`, { context: { pipelineId: [pipelineId] } });
    }),
    route(account, 'get', '*/account-info/v3/details', () => json(accountFixture)),
  ];
}
