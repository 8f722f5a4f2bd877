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
// `describeConformance` (the vitest wrapper) is imported from `@cf/core/conformance`, so this entry needs no vitest.
export { expectConnectorError } from './expect-connector-error.js';
