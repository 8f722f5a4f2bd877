import { describeConformance } from '@cf/core/conformance';
import { conformanceSubject } from '../src/mocks/index.js';

describeConformance(conformanceSubject);
