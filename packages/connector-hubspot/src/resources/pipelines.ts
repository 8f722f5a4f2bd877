import * as z from '@cf/core/zod';
import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import type { HubSpotContext } from '../context.js';
import { singlePage } from '../single-page.js';
import { objectTypeSchema } from '../validation.js';

/** Pipelines and their stages (deals, tickets, and other pipelined objects). https://developers.hubspot.com/docs/api/crm/pipelines */

export const stageSchema = z.lazySchema(() => z.looseObject({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number(),
  /** Values are strings: `{ isClosed: 'false', probability: '0.2' }` for deals, `{ ticketState: 'OPEN' }` for tickets. */
  metadata: z.record(z.string(), z.string()),
  archived: z.boolean(),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  writePermissions: z.optional(z.string()),
}));
/**
 * A pipeline stage: `id`, `label`, `displayOrder`, `archived`, and its `metadata` (string values: `isClosed` and
 * `probability` for deal stages, `ticketState` for ticket stages).
 */
export type PipelineStage = z.output<typeof stageSchema>;

export const pipelineSchema = z.lazySchema(() => z.looseObject({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number(),
  archived: z.boolean(),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  stages: z.array(stageSchema),
}));
/** A deal or ticket pipeline: `id`, `label`, `displayOrder`, `archived`, and its `stages` in order. */
export type Pipeline = z.output<typeof pipelineSchema>;

const pipelineIdSchema = z.lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a pipeline id such as "default", "0" or "12345"')));

/**
 * Pipelines and their stages (`/crm/v3/pipelines/{objectType}`, for `deals` or `tickets`), reached as
 * `hubspot.pipelines`.
 */
export class PipelinesApi {
  constructor(private readonly ctx: HubSpotContext) {}

  /** `GET /crm/v3/pipelines/{objectType}`: every pipeline with its stages (one response). */
  list(objectType: string, call: CallOptions = {}): Paginated<Pipeline, string> {
    const type = validateInput(objectTypeSchema, objectType, 'Invalid object type', 'hubspot');
    return singlePage(async () => {
      const { data } = await this.ctx.http.request({
        path: '/crm/v3/pipelines/{objectType}',
        params: { objectType: type },
        schema: z.looseObject({ results: z.array(pipelineSchema) }),
        operation: 'pipelines.list',
        ...call,
      });
      return data.results;
    }, call.signal);
  }

  /** `GET /crm/v3/pipelines/{objectType}/{pipelineId}`. */
  async get(objectType: string, pipelineId: string, call: CallOptions = {}): Promise<Pipeline> {
    const type = validateInput(objectTypeSchema, objectType, 'Invalid object type', 'hubspot');
    const id = validateInput(pipelineIdSchema, pipelineId, 'Invalid pipeline id', 'hubspot');
    const { data } = await this.ctx.http.request({
      path: '/crm/v3/pipelines/{objectType}/{pipelineId}',
      params: { objectType: type, pipelineId: id },
      schema: pipelineSchema,
      operation: 'pipelines.get',
      ...call,
    });
    return data;
  }

  /** `GET /crm/v3/pipelines/{objectType}/{pipelineId}/stages`. */
  stages(objectType: string, pipelineId: string, call: CallOptions = {}): Paginated<PipelineStage, string> {
    const type = validateInput(objectTypeSchema, objectType, 'Invalid object type', 'hubspot');
    const id = validateInput(pipelineIdSchema, pipelineId, 'Invalid pipeline id', 'hubspot');
    return singlePage(async () => {
      const { data } = await this.ctx.http.request({
        path: '/crm/v3/pipelines/{objectType}/{pipelineId}/stages',
        params: { objectType: type, pipelineId: id },
        schema: z.looseObject({ results: z.array(stageSchema) }),
        operation: 'pipelines.stages',
        ...call,
      });
      return data.results;
    }, call.signal);
  }
}
