import { describeDestinationSuite, memoryDestination } from '../src/testing/index.js';

// The reference implementation passes the contract (one instance: a memory destination's data is the instance).
const shared = memoryDestination();
describeDestinationSuite('memory', () => shared);
