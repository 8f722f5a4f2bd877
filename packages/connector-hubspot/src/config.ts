import { z } from 'zod';
import { coreOptionsSchema, type CoreOptions } from '@cf/core';
import { HUBSPOT_PLANS, isValidTimeZone, type HubSpotPlan } from './limits.js';

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';

const fn = z.custom<(refreshToken: string) => void>((v) => typeof v === 'function', 'must be a function');

const oauthSchema = z.strictObject({
  clientId: z.string().min(1, 'is required'),
  clientSecret: z.string().min(1, 'is required'),
  refreshToken: z.string().min(1, 'is required'),
  /** Called when HubSpot hands out a new refresh token, so you can persist it. */
  onRefreshToken: fn.optional(),
  /** Refresh this long before the access token's `expires_in` runs out. @default 60000 */
  refreshSkewMs: z.number().int().nonnegative().max(1_800_000).optional(),
});

const limitsSchema = z.strictObject({
  tenSecondly: z.number().int().positive().max(10_000).optional(),
  daily: z.union([z.number().int().positive(), z.literal(false)]).optional(),
  searchPerSecond: z.number().int().positive().max(100).optional(),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as "America/New_York"').optional(),
  key: z.string().min(1).optional(),
});

export const hubspotConfigSchema = coreOptionsSchema
  .extend({
    accessToken: z.string().min(1, 'must not be empty').optional(),
    oauth: oauthSchema.optional(),
    plan: z.enum(Object.keys(HUBSPOT_PLANS) as [HubSpotPlan, ...HubSpotPlan[]]).optional(),
    limits: limitsSchema.optional(),
    batchConcurrency: z.number().int().min(1).max(10).optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.accessToken === undefined) === (c.oauth === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['accessToken'], message: 'pass exactly one of accessToken (private app) or oauth { clientId, clientSecret, refreshToken }' });
    }
  });

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
  limits?: HubSpotLimitOptions;
  /** Batch chunks (100 inputs each) sent at once; the rate limiter still paces them. @default 3 */
  batchConcurrency?: number;
}

/** `{ accessToken }` for a private app (or a static OAuth token), or `{ oauth }` to refresh tokens automatically. */
export type HubSpotConfig = CommonConfig &
  (
    | { accessToken: string; oauth?: never }
    | {
        oauth: { clientId: string; clientSecret: string; refreshToken: string; onRefreshToken?: (refreshToken: string) => void; refreshSkewMs?: number };
        accessToken?: never;
      }
  );
