import type { MockAccount } from '../account.js';
import { defaultProperties, type MockRecord } from '../fixtures.js';
import type { MockTable } from '../table.js';

const BASE_PROPERTIES = ['createdate', 'hs_object_id'];

function singular(objectType: string): string {
  return objectType.replace(/ies$/, 'y').replace(/s$/, '');
}

/** A record as HubSpot returns it: requested (or default) properties, unset ones as null, associations when asked. */
export function present(
  account: MockAccount,
  table: MockTable,
  record: MockRecord,
  options: { properties?: string[] | undefined; propertiesWithHistory?: string[] | undefined; associations?: string[] | undefined } = {},
): Record<string, unknown> {
  const names = options.properties
    ? [...new Set([...options.properties, ...BASE_PROPERTIES, table.modifiedProperty])]
    : (defaultProperties[table.objectType] ?? [...BASE_PROPERTIES, table.modifiedProperty]);
  const out: Record<string, unknown> = {
    id: record.id,
    properties: Object.fromEntries(names.map((n) => [n, record.properties[n] ?? null])),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
  };
  if (options.propertiesWithHistory) {
    out.propertiesWithHistory = Object.fromEntries(
      options.propertiesWithHistory.map((n) => [n, record.properties[n] == null ? [] : [{ value: record.properties[n], timestamp: record.updatedAt, sourceType: 'CRM_UI' }]]),
    );
  }
  if (options.associations) {
    const associations: Record<string, unknown> = {};
    for (const toType of options.associations) {
      const results = account.associations.list(table.objectType, record.id, toType).flatMap((target) =>
        target.associationTypes.map((t) => ({
          id: String(target.toObjectId),
          type: `${singular(table.objectType)}_to_${singular(toType)}${t.label === null ? '_unlabeled' : ''}`,
        })),
      );
      if (results.length > 0) associations[toType] = { results };
    }
    if (Object.keys(associations).length > 0) out.associations = associations;
  }
  return out;
}

export interface WriteProblem {
  status: number;
  category: string;
  message: string;
}

/** The checks HubSpot makes on contact writes that tests most need: a valid, unique email. */
export function validateWrite(table: MockTable, properties: Record<string, unknown>, selfId?: string): WriteProblem | undefined {
  if (table.objectType !== 'contacts') return undefined;
  const email = properties.email;
  if (typeof email !== 'string' || email === '') return undefined;
  if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email)) {
    const detail = JSON.stringify([{ isValid: false, message: `Email address ${email} is invalid`, error: 'INVALID_EMAIL', name: 'email' }]);
    return { status: 400, category: 'VALIDATION_ERROR', message: `Property values were not valid: ${detail}` };
  }
  const existing = table.findBy('email', email);
  if (existing && existing.id !== selfId) return { status: 409, category: 'CONFLICT', message: `Contact already exists. Existing ID: ${existing.id}` };
  return undefined;
}

/** Only string (or null) property values reach the store, as HubSpot stores them. */
export function toStoredValues(input: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (typeof input !== 'object' || input === null) return out;
  for (const [k, v] of Object.entries(input)) out[k] = v === null || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}
