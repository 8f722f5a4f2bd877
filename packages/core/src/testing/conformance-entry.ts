// `@cf/core/conformance`: the vitest wrapper of the conformance suite (kept apart so `@cf/core/testing`
// does not require vitest).
export { describeConformance } from './describe-conformance.js';
export type { ConformanceConnector, ConformanceOperation, ConformanceSubject, ConformanceReport, RuleResult } from './conformance.js';
// Types the subject's signatures use, exported here so the API report names them (not a hashed chunk file).
export type { RuleContext, RuleStatus } from './conformance-support.js';
export type { CoreOptions } from '../connector/connector-options.js';
export type { ConnectorMetadata } from '../metadata/connector-metadata.js';
export type { ConnectorEvents, EventName } from '../hooks/events.js';
