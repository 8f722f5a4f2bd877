import type { Item } from '../schemas.js';

/** Realistic records, as the API documents them. Replace with examples from its reference. */
export const items: Item[] = Array.from({ length: 7 }, (_, i) => ({
  id: `item_${String(i + 1).padStart(3, '0')}`,
  name: ['Anchor', 'Beacon', 'Compass', 'Drift', 'Ember', 'Fathom', 'Gale'][i] ?? `Item ${i + 1}`,
  updatedAt: new Date(Date.UTC(2025, 0, 1 + i, 9, 30)).toISOString(),
}));

export const fixtures = { items };
