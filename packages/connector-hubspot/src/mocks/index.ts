import type { RequestHandler } from 'msw';
import { createHubSpotMock } from './create-mock.js';

export { createHubSpotMock, type HubSpotMock } from './create-mock.js';
export { conformanceSubject, CONFORMANCE_TOKEN } from './conformance-subject.js';

/** Handlers for a mock account holding the fixtures, no rate limits, any bearer token accepted. */
export const handlers: RequestHandler[] = createHubSpotMock().handlers;

export { MockAccount, MockAssociations, type HubSpotMockOptions, type MockLatency, type MockOAuthOptions } from './account.js';
export { generateRecords, fixtureSource, type GeneratedRecordsOptions, type RecordSource } from './dataset.js';
export { fixtures, type MockRecord } from './fixtures.js';
export { hubspotErrors, type ErrorTimes } from './errors.js';
export type { AfterHandlingFault, LostAnswer } from './after-handling.js';
export { MockQuota, type MockClock, type MockRateLimitOptions } from './quota.js';
export { runSearch, compareValues, SEARCH_CAP, type SearchBody, type SearchOutcome } from './search-engine.js';
export { MockTable } from './table.js';
export { errorBody, rateLimitBodies } from './responses.js';
export { signedHubSpotDelivery, hubspotWebhookEvent, type SignedHubSpotDeliveryOptions } from './webhooks.js';
