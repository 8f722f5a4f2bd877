import { fixtureSource, type RecordSource } from './dataset.js';
import {
  associationFixtures,
  associationTypeFixtures,
  companyFixtures,
  contactFixtures,
  dealFixtures,
  lineItemFixtures,
  ownerFixtures,
  pipelineFixtures,
  productFixtures,
  propertyFixtures,
  ticketFixtures,
  type MockRecord,
} from './fixtures.js';
import { AfterHandlingFaults, type AfterHandlingFault } from './after-handling.js';
import { MockQuota, type MockClock, type MockRateLimitOptions } from './quota.js';
import { MockTable } from './table.js';

/** The OAuth app the mock's token endpoint (`POST /oauth/v1/token`) recognises. */
export interface MockOAuthOptions {
  /** The client id it accepts. @default 'mock-client-id' */
  clientId?: string;
  /** The client secret it accepts. @default 'mock-client-secret' */
  clientSecret?: string;
  /** The refresh token it accepts, and hands back with every token. @default 'mock-refresh-token' */
  refreshToken?: string;
  /** Lifetime of issued access tokens, in seconds. @default 1800 */
  expiresIn?: number;
}

/** Time a request spends on the network, in ms: before HubSpot counts and answers it, and on the way back. */
export interface MockLatency {
  /** Milliseconds before the mock counts and handles the request. @default 0 */
  toServer?: number;
  /** Milliseconds before the answer reaches the client. @default 0 */
  toClient?: number;
}

/**
 * Options of `createHubSpotMock` and `MockAccount`: the records, clock, rate limits, OAuth and latency of the mock
 * account.
 */
export interface HubSpotMockOptions {
  /** Records per object type (an array, or a generator from `generateRecords`); the fixtures by default. */
  records?: Partial<Record<string, RecordSource | readonly MockRecord[]>>;
  /** The mock's time; pass the FakeClock your client uses. @default Date */
  clock?: MockClock;
  /** Enforce HubSpot's rate limits and send its quota headers. Off by default. */
  rateLimit?: MockRateLimitOptions | false;
  /** Results per search query before paging is refused with 400. @default 10000 */
  searchCap?: number;
  /** Credentials the token endpoint accepts. */
  oauth?: MockOAuthOptions;
  /** Accept only these bearer tokens (plus those issued by the token endpoint, until they expire). Any by default. */
  tokens?: string[];
  /**
   * Simulated network latency per request (a function of the request's index, from 0, gives jitter). On a clock
   * with `advance` (FakeClock) it moves fake time; otherwise it is waited for real. A real network makes every
   * quota header a little stale by the time the client reads it: this lets tests meet that. @default none
   */
  latency?: MockLatency | ((index: number) => MockLatency);
}

/** Standard object type ids HubSpot accepts in place of names. */
const TYPE_IDS: Record<string, string> = { '0-1': 'contacts', '0-2': 'companies', '0-3': 'deals', '0-5': 'tickets', '0-7': 'products', '0-8': 'line_items' };
export const TYPE_ID_OF: Record<string, string> = Object.fromEntries(Object.entries(TYPE_IDS).map(([id, name]) => [name, id]));

const DEFAULT_RECORDS: Record<string, readonly MockRecord[]> = {
  contacts: contactFixtures,
  companies: companyFixtures,
  deals: dealFixtures,
  tickets: ticketFixtures,
  products: productFixtures,
  line_items: lineItemFixtures,
};

type AssociationType = { category: string; typeId: number; label: string | null };

/** Associations in both directions, as HubSpot keeps them. */
export class MockAssociations {
  private readonly links = new Map<string, Map<string, AssociationType[]>>();

  /** The records associated with one record, as HubSpot's v4 list returns them (ids as numbers). */
  list(fromType: string, fromId: string, toType: string): Array<{ toObjectId: number; associationTypes: AssociationType[] }> {
    const targets = this.links.get(`${fromType}:${fromId}:${toType}`);
    if (!targets) return [];
    return [...targets].map(([toId, types]) => ({ toObjectId: Number(toId), associationTypes: types }));
  }

  /** Associates two records with these types, in both directions (the reverse types looked up in the fixtures). */
  add(fromType: string, fromId: string, toType: string, toId: string, types: AssociationType[]): void {
    this.put(`${fromType}:${fromId}:${toType}`, toId, types);
    this.put(`${toType}:${toId}:${fromType}`, fromId, types.map((t) => reverseType(fromType, toType, t)));
  }

  /** Removes every association between two records, in both directions. */
  remove(fromType: string, fromId: string, toType: string, toId: string): void {
    this.links.get(`${fromType}:${fromId}:${toType}`)?.delete(toId);
    this.links.get(`${toType}:${toId}:${fromType}`)?.delete(fromId);
  }

  private put(key: string, toId: string, types: AssociationType[]): void {
    let targets = this.links.get(key);
    if (!targets) {
      targets = new Map();
      this.links.set(key, targets);
    }
    const current = targets.get(toId) ?? [];
    for (const t of types) if (!current.some((c) => c.typeId === t.typeId && c.category === t.category)) current.push(t);
    targets.set(toId, current);
  }
}

export function knownType(fromType: string, toType: string, typeId: number): AssociationType | undefined {
  return associationTypeFixtures[`${fromType}:${toType}`]?.find((t) => t.typeId === typeId);
}

function reverseType(fromType: string, toType: string, type: AssociationType): AssociationType {
  const reverse = associationTypeFixtures[`${toType}:${fromType}`] ?? [];
  return reverse.find((t) => t.label === type.label) ?? reverse[0] ?? type;
}

/** The state behind the mock handlers: one HubSpot account. */
export class MockAccount {
  /** The associations between records, in both directions. */
  readonly associations = new MockAssociations();
  /** Property definitions per object type (a copy of the fixtures: tests may change it). */
  readonly properties: Record<string, Array<Record<string, unknown>>> = structuredClone(propertyFixtures);
  /** The owners `/crm/v3/owners` serves (a copy of the fixtures). */
  readonly owners = structuredClone(ownerFixtures);
  /** Pipelines per object type (a copy of the fixtures). */
  readonly pipelines = structuredClone(pipelineFixtures);
  /** The rate limiting in force, with its counters; undefined when `rateLimit` was not given. */
  readonly quota: MockQuota | undefined;
  /** Results one search query may page through before the mock answers 400 (HubSpot's 10,000 by default). */
  readonly searchCap: number;
  /**
   * The OAuth app the token endpoint accepts, the number of tokens `issued`, and each issued token's expiry (epoch
   * ms).
   */
  readonly oauth: Required<MockOAuthOptions> & { issued: number; tokens: Map<string, number> };
  /** Faults that strike after a request was handled (see `failAfterHandling`). */
  readonly afterHandling = new AfterHandlingFaults();
  /** Counters for tests: records served by list pages. */
  readonly stats = { listRecordsServed: 0, listPages: 0 };
  private readonly tables = new Map<string, MockTable>();
  private readonly clock: MockClock;
  private readonly allowed: Set<string> | undefined;
  private requestCount = 0;

  constructor(private readonly options: HubSpotMockOptions = {}) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.quota = options.rateLimit ? new MockQuota(options.rateLimit, this.clock) : undefined;
    this.searchCap = options.searchCap ?? 10_000;
    this.oauth = {
      clientId: options.oauth?.clientId ?? 'mock-client-id',
      clientSecret: options.oauth?.clientSecret ?? 'mock-client-secret',
      refreshToken: options.oauth?.refreshToken ?? 'mock-refresh-token',
      expiresIn: options.oauth?.expiresIn ?? 1800,
      issued: 0,
      tokens: new Map(),
    };
    this.allowed = options.tokens ? new Set(options.tokens) : undefined;
    for (const [from, fromId, to, toId, typeIds] of associationFixtures) {
      this.associations.add(from, fromId, to, toId, typeIds.map((id) => knownType(from, to, id) ?? { category: 'HUBSPOT_DEFINED', typeId: id, label: null }));
    }
  }

  /** The mock's time, epoch ms (the `clock` option's, or `Date.now()`). */
  now(): number {
    return this.clock.now();
  }

  /**
   * Lets HubSpot handle the next matching request (a create is applied), then loses its answer: a 502/504 gateway
   * page, a connection reset, or a truncated body. For testing what your code does with a write that may have applied.
   */
  failAfterHandling(fault: AfterHandlingFault): void {
    this.afterHandling.add(fault);
  }

  /** The latency of the next request, in order of arrival. */
  nextLatency(): MockLatency {
    const latency = this.options.latency;
    const index = this.requestCount;
    this.requestCount += 1;
    return typeof latency === 'function' ? latency(index) : (latency ?? {});
  }

  /** Lets `ms` pass: fake time moves at once, real time is waited. */
  async travel(ms: number | undefined): Promise<void> {
    if (ms === undefined || ms <= 0) return;
    if (this.clock.advance) this.clock.advance(ms);
    else await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** The table of an object type (by name or standard type id); unknown (custom) types start empty. */
  table(objectType: string): MockTable {
    const name = TYPE_IDS[objectType] ?? objectType;
    let table = this.tables.get(name);
    if (!table) {
      const given = this.options.records?.[name];
      const source = given === undefined ? fixtureSource(DEFAULT_RECORDS[name] ?? []) : Array.isArray(given) ? fixtureSource(given as readonly MockRecord[]) : (given as RecordSource);
      table = new MockTable(name, source, () => this.now());
      this.tables.set(name, table);
    }
    return table;
  }

  /** Whether a bearer token is accepted: any without `tokens`, else one of them or an issued token not yet expired. */
  acceptsToken(token: string): boolean {
    if (!this.allowed) return true;
    if (this.allowed.has(token)) return true;
    const expiresAt = this.oauth.tokens.get(token);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  /**
   * Issues a new access token (`mock-oauth-access-<n>`) valid for `expiresIn` seconds; the token endpoint's answer
   * body.
   */
  issueToken(): { access_token: string; refresh_token: string; expires_in: number; token_type: string } {
    this.oauth.issued += 1;
    const accessToken = `mock-oauth-access-${this.oauth.issued}`;
    this.oauth.tokens.set(accessToken, this.now() + this.oauth.expiresIn * 1000);
    return { token_type: 'bearer', refresh_token: this.oauth.refreshToken, access_token: accessToken, expires_in: this.oauth.expiresIn };
  }
}
