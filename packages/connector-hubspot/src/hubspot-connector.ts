import type * as z from '@cf/core/zod';
import {
  BaseConnector,
  bearerAuth,
  MemoryRateLimitStore,
  oauth2Auth,
  RateLimiter,
  systemClock,
  validateInput,
  withUserOptions,
  type AuthProvider,
  type CallOptions,
  type Clock,
  type CoreOptions,
  type HttpClient,
  type HttpClientOptions,
  type RateLimitStore,
  type Stream,
} from '@cf/core';
import { DEFAULT_BASE_URL, hubspotConfigSchema, type HubSpotConfig, type HubSpotConfigParsed } from './config.js';
import type { HubSpotContext } from './context.js';
import { createErrorMapper } from './errors.js';
import {
  adoptReportedLimits,
  buildLimiters,
  HUBSPOT_PLANS,
  hubspotWindows,
  nextMidnight,
  observeHubSpotQuota,
  SEARCH_PER_SECOND,
  type HubSpotLimiters,
  type HubSpotLimits,
} from './limits.js';
import { AssociationsApi } from './resources/associations.js';
import { CrmObjects } from './resources/crm-objects.js';
import { OwnersApi } from './resources/owners.js';
import { PipelinesApi } from './resources/pipelines.js';
import { PropertiesApi } from './resources/properties.js';
import { hubspotStreams } from './streams.js';
import { objectTypeSchema } from './validation.js';
import { USER_AGENT } from './version.js';

const DEFAULT_BATCH_CONCURRENCY = 3;

/** Resolves plan defaults and overrides into the limits the limiters enforce. */
export function resolveLimits(config: Pick<HubSpotConfig, 'plan' | 'limits'> & { oauth?: unknown; accessToken?: unknown }): HubSpotLimits {
  const plan = HUBSPOT_PLANS[config.plan ?? (config.oauth ? 'public-app' : 'free')];
  const daily = config.limits?.daily;
  return {
    tenSecondly: config.limits?.tenSecondly ?? plan.tenSecondly,
    daily: daily === false ? undefined : (daily ?? plan.daily),
    searchPerSecond: config.limits?.searchPerSecond ?? SEARCH_PER_SECOND,
    timeZone: config.limits?.timeZone ?? 'UTC',
  };
}

class LiveContext implements HubSpotContext {
  constructor(
    private readonly client: () => HttpClient,
    private readonly limiter: () => RateLimiter | false,
    readonly batchConcurrency: number,
  ) {}
  get http(): HttpClient {
    return this.client();
  }
  get searchLimiter(): RateLimiter | false {
    return this.limiter();
  }
}

/**
 * A typed HubSpot CRM client on `@cf/core`: records stream one page at a time, search goes past 10,000 results,
 * `changedSince` extracts incrementally from an exact checkpoint, batches report failures per input, and every
 * call is paced to the account's rolling ten-second, daily and search limits.
 *
 * ```ts
 * const hubspot = new HubSpotConnector({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN! });
 * for await (const contact of hubspot.contacts.list({ properties: ['email'] })) console.log(contact.properties.email);
 * ```
 */
export class HubSpotConnector extends BaseConnector<HubSpotConfigParsed> {
  readonly name = 'hubspot';
  /** Contacts (`/crm/v3/objects/contacts`): get, list, search, changedSince, create, update, archive, batch. */
  readonly contacts: CrmObjects;
  /** Companies (`/crm/v3/objects/companies`), with the same methods as `contacts`. */
  readonly companies: CrmObjects;
  /** Deals (`/crm/v3/objects/deals`), with the same methods as `contacts`. */
  readonly deals: CrmObjects;
  /** Tickets (`/crm/v3/objects/tickets`), with the same methods as `contacts`. */
  readonly tickets: CrmObjects;
  /** Products (`/crm/v3/objects/products`), with the same methods as `contacts`. */
  readonly products: CrmObjects;
  /** Line items (`/crm/v3/objects/line_items`), with the same methods as `contacts`. */
  readonly lineItems: CrmObjects;
  /** Associations v4 between records: list, labelled and default create, archive, labels, batch calls. */
  readonly associations: AssociationsApi;
  /** Property definitions of an object type: list, get, create. */
  readonly properties: PropertiesApi;
  /** The account's owners (users records can be assigned to): list, get. */
  readonly owners: OwnersApi;
  /** Deal and ticket pipelines and their stages. */
  readonly pipelines: PipelinesApi;
  // True private fields (#): a walk of the instance finds resources only, never the token provider or the limiters.
  #limiters: HubSpotLimiters | undefined;
  #auth: AuthProvider | undefined;
  readonly #ctx: HubSpotContext;
  readonly #custom = new Map<string, CrmObjects>();

  constructor(config: HubSpotConfig) {
    super();
    this.initialize(config);
    this.#ctx = new LiveContext(
      () => this.http,
      () => this.#limiters?.search ?? false,
      this.config.batchConcurrency ?? DEFAULT_BATCH_CONCURRENCY,
    );
    const ctx = this.#ctx;
    this.contacts = new CrmObjects(ctx, 'contacts');
    this.companies = new CrmObjects(ctx, 'companies');
    this.deals = new CrmObjects(ctx, 'deals');
    this.tickets = new CrmObjects(ctx, 'tickets');
    this.products = new CrmObjects(ctx, 'products');
    this.lineItems = new CrmObjects(ctx, 'line_items');
    this.associations = new AssociationsApi(ctx);
    this.properties = new PropertiesApi(ctx);
    this.owners = new OwnersApi(ctx);
    this.pipelines = new PipelinesApi(ctx);
  }

  /** Any object type by name or type id: a custom object (`2-123456`, `p123_cars`) or a standard one (`0-1`). */
  objects(objectType: string): CrmObjects {
    const type = validateInput(objectTypeSchema, objectType, 'Invalid object type', 'hubspot');
    let resource = this.#custom.get(type);
    if (!resource) {
      resource = new CrmObjects(this.#ctx, type);
      this.#custom.set(type, resource);
    }
    return resource;
  }

  /**
   * The streams `sync()` (in `@cf/load`) and `cf sync hubspot` land in tables (`metadata.streams`): the CRM objects
   * incrementally with deletions, and owners, pipelines, pipeline stages and property definitions in full.
   */
  override streams(): Stream[] {
    return hubspotStreams(this.#ctx);
  }

  /** `GET /account-info/v3/details`: proves the credentials and reachability. */
  override async ping(call: CallOptions = {}): Promise<void> {
    await this.http.request({ path: '/account-info/v3/details', operation: 'ping', ...call });
  }

  protected configSchema(): z.ZodType<HubSpotConfigParsed> {
    return hubspotConfigSchema;
  }

  protected httpOptions(config: HubSpotConfigParsed): HttpClientOptions {
    const { accessToken, oauth, plan: _plan, limits: _limits, batchConcurrency: _bc, rateLimit, store, ...rest } = config;
    const user = rest as CoreOptions;
    const clock = user.clock ?? systemClock;
    const baseUrl = user.baseUrl ?? DEFAULT_BASE_URL;
    const limits = resolveLimits(config as HubSpotConfig);
    const limiters = limitersFor(limits, rateLimit as CoreOptions['rateLimit'], store as RateLimitStore | undefined, clock, config.limits?.key ?? 'hubspot');
    this.#limiters = limiters;
    // Limiters the connector built follow the limits HubSpot reports, in their messages too; a user's own instance is left alone.
    const own = limiters ? [...(rateLimit instanceof RateLimiter ? [] : [limiters.main]), limiters.search] : [];
    this.#auth ??= oauth
      ? oauth2Auth({
          tokenUrl: `${baseUrl.replace(/\/+$/, '')}/oauth/v1/token`,
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          refreshToken: oauth.refreshToken,
          clock,
          ...(oauth.onRefreshToken ? { onRefreshToken: oauth.onRefreshToken } : {}),
          ...(oauth.refreshSkewMs !== undefined ? { refreshSkewMs: oauth.refreshSkewMs } : {}),
          ...(user.timeoutMs !== undefined ? { timeoutMs: user.timeoutMs } : {}),
        })
      : bearerAuth(accessToken ?? '');
    return withUserOptions(
      {
        baseUrl: DEFAULT_BASE_URL,
        source: 'hubspot',
        userAgent: USER_AGENT,
        auth: this.#auth,
        rateLimit: limiters?.main ?? false,
        mapError: createErrorMapper({ dailyResetAt: (now) => nextMidnight(now, limits.timeZone), now: () => clock.now(), timeZone: limits.timeZone }),
        observeQuota: (ctx) => {
          const observations = observeHubSpotQuota(ctx);
          adoptReportedLimits(own, observations);
          return observations;
        },
      },
      user,
    );
  }
}

/**
 * The main and search limiters, on one store and key. `rateLimit: false` turns both off; your own limiter
 * options replace the main windows (search keeps its 5/s window on top of them); your own RateLimiter instance
 * replaces the main limiter, and search then enforces only its per-second window.
 */
function limitersFor(
  limits: HubSpotLimits,
  rateLimit: CoreOptions['rateLimit'],
  store: RateLimitStore | undefined,
  clock: Clock,
  key: string,
): HubSpotLimiters | undefined {
  if (rateLimit === false) return undefined;
  if (rateLimit === undefined) return buildLimiters(limits, { clock, store, key });
  const searchWindow = hubspotWindows(limits).search.filter((w) => w.name === 'search_secondly');
  if (rateLimit instanceof RateLimiter) {
    return { main: rateLimit, search: new RateLimiter({ windows: searchWindow, key: rateLimit.key, clock, ...(store ? { store } : {}) }) };
  }
  const options = rateLimit;
  const shared = options.store ?? store ?? new MemoryRateLimitStore(clock);
  const sharedKey = options.key ?? key;
  return {
    main: new RateLimiter({ ...options, clock: options.clock ?? clock, store: shared, key: sharedKey }),
    search: new RateLimiter({ windows: [...searchWindow, ...options.windows], clock: options.clock ?? clock, store: shared, key: sharedKey }),
  };
}
