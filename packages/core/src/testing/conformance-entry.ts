// `@cf/core/conformance`: the vitest wrapper of the conformance suite (kept apart so `@cf/core/testing`
// does not require vitest).
export { describeConformance } from './describe-conformance.js';
export type { ConformanceConnector, ConformanceOperation, ConformanceSubject, ConformanceReport, RuleResult } from './conformance.js';
