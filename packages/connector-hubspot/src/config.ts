import * as z from '@cf/core/zod';
import { coreOptionsSchema, type CoreOptions } from '@cf/core';
import { HUBSPOT_PLANS, isValidTimeZone, type HubSpotPlan } from './limits.js';

/** HubSpot's API origin, used when `baseUrl` is not set (set it to reach a proxy or the mocks). */
export const DEFAULT_BASE_URL = 'https://api.hubapi.com';

const fn = z.lazySchema(() => z.custom<(refreshToken: string) => void>((v) => typeof v === 'function', 'must be a function'));

const oauthSchema = z.lazySchema(() => z.strictObject({
  clientId: z.string().check(z.minLength(1, 'is required')),
  clientSecret: z.string().check(z.minLength(1, 'is required')),
  refreshToken: z.string().check(z.minLength(1, 'is required')),
  /** Called when HubSpot hands out a new refresh token, so you can persist it. */
  onRefreshToken: z.optional(fn),
  /** Refresh this long before the access token's `expires_in` runs out. @default 60000 */
  refreshSkewMs: z.optional(z.int().check(z.nonnegative(), z.lte(1_800_000))),
}));

const limitsSchema = z.lazySchema(() => z.strictObject({
  tenSecondly: z.optional(z.int().check(z.positive(), z.lte(10_000))),
  daily: z.optional(z.union([z.int().check(z.positive()), z.literal(false)])),
  searchPerSecond: z.optional(z.int().check(z.positive(), z.lte(100))),
  timeZone: z.optional(z.string().check(z.refine(isValidTimeZone, 'must be an IANA time zone such as "America/New_York"'))),
  key: z.optional(z.string().check(z.minLength(1))),
}));

/**
 * The zod schema `new HubSpotConnector(config)` validates its config with: core's options plus `accessToken` or
 * `oauth` (exactly one), `plan`, `limits` and `batchConcurrency`. A failed check throws `ValidationError`
 * (VALIDATION_ERROR) before any request.
 */
export const hubspotConfigSchema = z.lazySchema(() => z
  .extend(coreOptionsSchema, {
    accessToken: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
    oauth: z.optional(oauthSchema),
    plan: z.optional(z.enum(Object.keys(HUBSPOT_PLANS) as [HubSpotPlan, ...HubSpotPlan[]])),
    limits: z.optional(limitsSchema),
    batchConcurrency: z.optional(z.int().check(z.gte(1), z.lte(10))),
  })
  .check(
    z.superRefine((c, ctx) => {
      if ((c.accessToken === undefined) === (c.oauth === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['accessToken'], message: 'pass exactly one of accessToken (private app) or oauth { clientId, clientSecret, refreshToken }' });
      }
    }),
  ));

export type HubSpotConfigParsed = z.output<typeof hubspotConfigSchema>;

/** Plan and limit overrides; HubSpot's rate-limit headers correct them at run time. */
export interface HubSpotLimitOptions {
  /** Requests per rolling 10 s. @default by plan (100 free/starter, 190 professional/enterprise, 110 public apps) */
  tenSecondly?: number;
  /** Requests per day, or false for none. @default by plan (250,000 / 650,000 / 1,000,000; none for OAuth apps) */
  daily?: number | false;
  /** CRM search requests per second. @default 5 */
  searchPerSecond?: number;
  /** The account's time zone: the daily limit resets at its midnight. @default 'UTC' */
  timeZone?: string;
  /** Rate-limit store key; set one per HubSpot account when several clients share a store. @default 'hubspot' */
  key?: string;
}

interface CommonConfig extends CoreOptions {
  /**
   * The account's plan, which sets the default limits.
   * @default 'free' with accessToken (the most conservative), 'public-app' with oauth
   */
  plan?: HubSpotPlan;
  /** Overrides of the plan's limits (ten-second window, daily quota, search rate, time zone, store key). */
  limits?: HubSpotLimitOptions;
  /** Batch chunks (100 inputs each) sent at once; the rate limiter still paces them. @default 3 */
  batchConcurrency?: number;
}

/** `{ accessToken }` for a private app (or a static OAuth token), or `{ oauth }` to refresh tokens automatically. */
export type HubSpotConfig = CommonConfig &
  (
    | {
        /** A private app's access token (or any static OAuth access token), sent as `Authorization: Bearer`. */
        accessToken: string;
        /** Not with `accessToken`: pass one or the other. */
        oauth?: never;
      }
    | {
        /**
         * An OAuth app's credentials: the access token is fetched with the refresh token and refreshed
         * `refreshSkewMs` (default 60000) before it expires, once for concurrent calls; `onRefreshToken` receives any
         * new refresh token HubSpot hands out, so you can persist it.
         */
        oauth: { clientId: string; clientSecret: string; refreshToken: string; onRefreshToken?: (refreshToken: string) => void; refreshSkewMs?: number };
        /** Not with `oauth`: pass one or the other. */
        accessToken?: never;
      }
  );
