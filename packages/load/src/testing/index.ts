// `@cf/load/testing`: the destination contract suite (vitest), an in-memory destination and a fake connector.
export { describeDestinationSuite, type DestinationSuiteOptions } from './destination-suite.js';
export { MemoryDestination, memoryDestination } from './memory-destination.js';
export { fakeConnector, fakeRecord, type FakeConnectorOptions } from './fake-connector.js';
