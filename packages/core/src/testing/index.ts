export { startMockServer, type MockServer, type RecordedRequest } from './mock-server.js';
export { faults } from './faults.js';
export {
  runConformance,
  runRule,
  summarize,
  CONFORMANCE_RULES,
  type ConformanceConnector,
  type ConformanceSubject,
  type ConformanceReport,
  type RuleResult,
  type RuleStatus,
} from './conformance.js';
export { FakeClock } from '../time/fake-clock.js';
// TEMPORARY (removed when the connectors are integrated): the vitest wrapper now lives in `@cf/core/conformance`.
export { describeConformance } from './describe-conformance.js';
