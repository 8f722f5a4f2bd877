export { startMockServer, type MockServer, type RecordedRequest } from './mock-server.js';
export { faults } from './faults.js';
export {
  runConformance,
  runRule,
  conformanceCases,
  summarize,
  CONFORMANCE_RULES,
  type ConformanceCase,
  type ConformanceConnector,
  type ConformanceOperation,
  type ConformanceSubject,
  type ConformanceReport,
  type RuleResult,
  type RuleStatus,
} from './conformance.js';
export { FakeClock } from '../time/fake-clock.js';
// `describeConformance` (the vitest wrapper) is imported from `@cf/core/conformance`, so this entry needs no vitest.
export { expectConnectorError } from './expect-connector-error.js';
export { OPERATION_RULES } from './operation-rules.js';
export { DECLARATION_RULES, publicOperations } from './declaration-rules.js';
export { OPERATION_FAULTS } from './operation-faults.js';
// Types the subject's signatures use, exported here so the API report names them (not a hashed chunk file).
export type { RuleContext } from './conformance-support.js';
export type { CoreOptions } from '../connector/connector-options.js';
export type { ConnectorMetadata } from '../metadata/connector-metadata.js';
export type { ConnectorEvents, EventName } from '../hooks/events.js';
export { closedPort } from './closed-port.js';
// The zod schemas a package builds on import (spawns Node with tsx and the @cf/source condition: workspace tests).
export { schemasBuiltOnImport, type SchemasBuiltOnImport } from './schemas-on-import.js';
