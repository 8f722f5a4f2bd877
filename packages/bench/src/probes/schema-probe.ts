/** µs to validate a page of 100 HubSpot contacts with the connector's list schema (zod/mini, compiled in core). */
import { listResponseSchema } from '../../../connector-hubspot/src/schemas.js';
import * as z from '@cf/core/zod';
import { hubspotContact } from '../servers/records.js';

const page = JSON.stringify({ results: Array.from({ length: 100 }, (_, i) => hubspotContact(i)), paging: { next: { after: 'x' } } });
const N = 3000;
const time = (label: string, fn: () => unknown): void => {
  for (let i = 0; i < 300; i += 1) fn();
  const t0 = performance.now();
  for (let i = 0; i < N; i += 1) fn();
  process.stdout.write(`${label}: ${(((performance.now() - t0) * 1000) / N).toFixed(1)} µs/page\n`);
};
time('JSON.parse', () => JSON.parse(page));
time('JSON.parse + safeParse(listResponseSchema)', () => z.safeParse(listResponseSchema, JSON.parse(page)));
