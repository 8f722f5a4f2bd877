export { HubSpotConnector, resolveLimits } from './hubspot-connector.js';
export { DEFAULT_BASE_URL, hubspotConfigSchema, type HubSpotConfig, type HubSpotLimitOptions } from './config.js';
export { metadata } from './metadata.js';
export { VERSION, USER_AGENT } from './version.js';
export { mapHubSpotError, hubspotErrorBodySchema, type HubSpotErrorBody } from './errors.js';
export {
  HUBSPOT_PLANS,
  SEARCH_PER_SECOND,
  WINDOW,
  hubspotWindows,
  buildLimiters,
  observeHubSpotQuota,
  nextMidnight,
  type HubSpotPlan,
  type HubSpotLimits,
  type HubSpotLimiters,
} from './limits.js';
export { prop, type PropertySchema, type PropertiesOf } from './property-schema.js';
export type { CrmRecord, PropertyValues } from './schemas.js';
export type { Checkpoint } from './keyset-pager.js';
export type { BatchFailure, BatchResult } from './batch-runner.js';
export { CrmObjects, modifiedPropertyOf, type GetOptions, type ListOptions, type CreateInput } from './resources/crm-objects.js';
export { SEARCH_RESULT_CAP, type SearchRequest, type SearchCursor } from './resources/search.js';
export { DEFAULT_SETTLE_MS, ChangedSinceScan, type ChangedSinceOptions, type ChangedSinceStart } from './resources/changed-since.js';
export { BatchApi, BATCH_SIZE, type BatchReadOptions, type BatchCreateInput, type BatchUpdateInput, type BatchUpsertInput } from './resources/batch.js';
export {
  AssociationsApi,
  AssociationsBatchApi,
  type AssociatedObject,
  type AssociationLabel,
  type AssociationsOf,
  type DefaultAssociation,
  type LabelledAssociation,
} from './resources/associations.js';
export { PropertiesApi, type PropertyDefinition, type PropertyCreateInput } from './resources/properties.js';
export { OwnersApi, type Owner } from './resources/owners.js';
export { PipelinesApi, type Pipeline, type PipelineStage } from './resources/pipelines.js';
export {
  FILTER_OPERATORS,
  MAX_FILTER_GROUPS,
  MAX_FILTERS_PER_GROUP,
  MAX_FILTERS_TOTAL,
  type AssociationSpec,
  type Filter,
  type FilterInput,
  type FilterOperator,
  type Sort,
  type WriteValues,
} from './validation.js';
export { hubspotWebhookReceiver, type HubSpotWebhookReceiverOptions } from './webhooks/receiver.js';
export { hubspotWebhookSource, HUBSPOT_RETRY_WINDOW_MS, HUBSPOT_TIMESTAMP_TOLERANCE_MS, type HubSpotWebhookSourceOptions } from './webhooks/source.js';
export {
  hubspotWebhookEventSchema,
  hubspotWebhookBatchSchema,
  hubspotEventKey,
  isHubSpotEvent,
  type HubSpotWebhookEvent,
  type HubSpotEventOf,
  type HubSpotSubscriptionType,
  type HubSpotWebhookObject,
  type HubSpotWebhookChange,
} from './webhooks/events.js';
export { hubspotSignatureV3, hubspotLegacySignature, v3SignedUri, type HubSpotSigningInput } from './webhooks/signature.js';
