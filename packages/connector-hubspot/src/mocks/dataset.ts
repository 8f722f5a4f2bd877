import type { MockRecord } from './fixtures.js';

/**
 * Where a mock object table reads its records from: an array of fixtures, or a generator that computes record `i`
 * on demand, so a mock account can hold 100,000 contacts without holding them in memory.
 */
export interface RecordSource {
  /** The number of records. */
  readonly size: number;
  /** Record `index` (0 ≤ index < size), a fresh copy each time. */
  at(index: number): MockRecord;
  /** The index of a record id, when the source can compute it (generated ids); otherwise tables scan. */
  indexOf?(id: string): number | undefined;
}

/** A source over an array of records (copied on each read, looked up by id through an index). */
export function fixtureSource(records: readonly MockRecord[]): RecordSource {
  const byId = new Map(records.map((r, i) => [r.id, i]));
  return { size: records.length, at: (i) => structuredClone(records[i] as MockRecord), indexOf: (id) => byId.get(id) };
}

/** Options of `generateRecords`: how many records, their ids, dates and properties. */
export interface GeneratedRecordsOptions {
  /** Object type, which picks realistic properties and the modification property. @default 'contacts' */
  objectType?: string;
  /** The number of records. */
  count: number;
  /** Id of record 0; record i has id `idStart + i`. @default 1001 */
  idStart?: number;
  /** Creation date of record 0 (epoch ms). @default 2024-01-01T00:00:00Z */
  start?: number;
  /** Modification date of record i (epoch ms). @default start + i seconds */
  modifiedAt?: (index: number) => number;
  /** Extra or overriding properties of record i. */
  properties?: (index: number) => Record<string, string | null>;
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Dennis', 'Radia', 'Niklaus'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Hamilton', 'Ritchie', 'Perlman', 'Wirth'];
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
const DEAL_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'contractsent', 'closedwon', 'closedlost'];

function propertiesFor(objectType: string, i: number): Record<string, string | null> {
  const first = FIRST[i % FIRST.length] ?? 'Ada';
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Lovelace';
  switch (objectType) {
    case 'contacts':
      return { email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@example.com`, firstname: first, lastname: last, lifecyclestage: STAGES[i % STAGES.length] ?? 'lead', phone: i % 3 === 0 ? null : `+1 555 ${String(i % 10_000).padStart(4, '0')}` };
    case 'companies':
      return { name: `${last} ${i} Inc`, domain: `${last.toLowerCase()}${i}.example`, numberofemployees: String((i % 500) + 1), industry: 'COMPUTER_SOFTWARE' };
    case 'deals':
      return { dealname: `${last} ${i} - renewal`, amount: String(((i * 37) % 10_000) + 100), dealstage: DEAL_STAGES[i % DEAL_STAGES.length] ?? 'appointmentscheduled', pipeline: 'default', closedate: null };
    case 'tickets':
      return { subject: `Ticket ${i}`, content: `Generated ticket ${i}`, hs_pipeline: '0', hs_pipeline_stage: String((i % 4) + 1), hs_ticket_priority: i % 2 === 0 ? 'HIGH' : 'LOW' };
    default:
      return { name: `${objectType} ${i}` };
  }
}

/**
 * A deterministic generated table: record `i` is computed from `i` alone, on every read. Large data sets for
 * memory and pagination tests cost nothing until read, and the same options always give the same records.
 */
export function generateRecords(options: GeneratedRecordsOptions): RecordSource {
  const objectType = options.objectType ?? 'contacts';
  const idStart = options.idStart ?? 1001;
  const start = options.start ?? Date.UTC(2024, 0, 1);
  const modifiedAt = options.modifiedAt ?? ((i: number) => start + i * 1000);
  const modifiedKey = objectType === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
  return {
    size: options.count,
    at(i) {
      const id = String(idStart + i);
      const createdAt = new Date(start + i).toISOString();
      const updatedAt = new Date(modifiedAt(i)).toISOString();
      return {
        id,
        properties: {
          hs_object_id: id,
          createdate: createdAt,
          [modifiedKey]: updatedAt,
          ...(modifiedKey === 'lastmodifieddate' ? { hs_lastmodifieddate: updatedAt } : {}),
          ...propertiesFor(objectType, i),
          ...options.properties?.(i),
        },
        createdAt,
        updatedAt,
        archived: false,
      };
    },
    indexOf(id) {
      if (!/^\d+$/.test(id)) return undefined;
      const i = Number(id) - idStart;
      return i >= 0 && i < options.count ? i : undefined;
    },
  };
}
