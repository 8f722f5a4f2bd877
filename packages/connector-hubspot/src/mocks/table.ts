import type { RecordSource } from './dataset.js';
import type { MockRecord } from './fixtures.js';

/**
 * One object type in the mock account: a read-only source (fixtures or a generator) plus the writes made
 * during a test (created, updated, archived records), kept as a small overlay.
 */
export class MockTable {
  private readonly created: MockRecord[] = [];
  private readonly changed = new Map<string, MockRecord>();
  private nextId: number;

  constructor(
    /** The object type's name (`contacts`, `deals`…). */
    readonly objectType: string,
    private readonly source: RecordSource,
    private readonly now: () => number,
  ) {
    this.nextId = 90_000_000_001;
  }

  /**
   * The property holding the modification date: `lastmodifieddate` for contacts, `hs_lastmodifieddate` for the
   * others.
   */
  get modifiedProperty(): string {
    return this.objectType === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
  }

  /** Rows in storage order (source first, then created), active and archived. */
  get size(): number {
    return this.source.size + this.created.length;
  }

  /** Row `index` in storage order, with the test's changes applied; undefined past the end. */
  at(index: number): MockRecord | undefined {
    const base = index < this.source.size ? this.source.at(index) : this.created[index - this.source.size];
    if (!base) return undefined;
    return this.changed.get(base.id) ?? base;
  }

  /** Every row in storage order, active and archived, with the test's changes applied. */
  *scan(): Generator<MockRecord> {
    for (let i = 0; i < this.size; i += 1) {
      const r = this.at(i);
      if (r) yield r;
    }
  }

  /** The record with this id (active or archived), or undefined. */
  get(id: string): MockRecord | undefined {
    const changed = this.changed.get(id);
    if (changed) return changed;
    const i = this.source.indexOf?.(id);
    if (i !== undefined) return this.at(i);
    for (const r of this.created) if (r.id === id) return this.changed.get(id) ?? r;
    if (!this.source.indexOf) for (const r of this.scan()) if (r.id === id) return r;
    return undefined;
  }

  /** The active record whose `property` equals `value` (unique-property lookups such as email). */
  findBy(property: string, value: string): MockRecord | undefined {
    if (property === 'hs_object_id') {
      const r = this.get(value);
      return r && !r.archived ? r : undefined;
    }
    const wanted = value.toLowerCase();
    for (const r of this.scan()) if (!r.archived && r.properties[property]?.toLowerCase() === wanted) return r;
    return undefined;
  }

  /**
   * Creates a record with the next id, stamping `hs_object_id`, `createdate` and the modification date with the
   * mock's time.
   */
  create(properties: Record<string, string | null>): MockRecord {
    const id = String(this.nextId++);
    const at = new Date(this.now()).toISOString();
    const modified = this.modifiedProperty;
    const record: MockRecord = {
      id,
      properties: { ...properties, hs_object_id: id, createdate: at, [modified]: at, ...(modified === 'lastmodifieddate' ? { hs_lastmodifieddate: at } : {}) },
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
    this.created.push(record);
    return record;
  }

  /**
   * Merges properties into an active record and stamps its modification date; undefined when it is missing or
   * archived.
   */
  update(id: string, properties: Record<string, string | null>): MockRecord | undefined {
    const current = this.get(id);
    if (!current || current.archived) return undefined;
    const at = new Date(this.now()).toISOString();
    const modified = this.modifiedProperty;
    const next: MockRecord = {
      ...current,
      properties: { ...current.properties, ...properties, [modified]: at, ...(modified === 'lastmodifieddate' ? { hs_lastmodifieddate: at } : {}) },
      updatedAt: at,
    };
    this.changed.set(id, next);
    return next;
  }

  /** Archives an active record (stamping `archivedAt`); false when it is missing or already archived. */
  archive(id: string): boolean {
    const current = this.get(id);
    if (!current || current.archived) return false;
    const at = new Date(this.now()).toISOString();
    this.changed.set(id, { ...current, archived: true, archivedAt: at, updatedAt: at });
    return true;
  }
}
