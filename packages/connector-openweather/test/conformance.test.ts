import { describeConformance } from '@cf/core/conformance';
import { conformanceSubject } from '../src/mocks/index.js';

// Forecasts and One Call are single responses, not cursor pages: the pagination-cycle rule does not apply.
describeConformance(conformanceSubject);
