/**
 * Deterministic records generated from their index, so a fake server can page over a million of them
 * without holding any in memory. Shapes follow the real APIs (HubSpot CRM v3 object, Shopify Product node).
 */
const EPOCH = Date.UTC(2024, 0, 1);
const FIRST_NAMES = ['Ada', 'Brian', 'Grace', 'Dharmesh', 'Linus', 'Margaret', 'Ken', 'Barbara'];
const LAST_NAMES = ['Lovelace', 'Halligan', 'Hopper', 'Shah', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov'];
const VENDORS = ['Acme', 'Globex', 'Initech', 'Umbrella'];

const iso = (ms: number) => new Date(ms).toISOString();
const pick = (list: readonly string[], i: number) => list[i % list.length] ?? '';

export function hubspotContact(index: number) {
  const id = String(index + 1);
  const created = iso(EPOCH + index * 60_000);
  const updated = iso(EPOCH + index * 60_000 + 3_600_000);
  return {
    id,
    properties: {
      createdate: created,
      email: `contact${id}@example.com`,
      firstname: pick(FIRST_NAMES, index),
      hs_object_id: id,
      lastmodifieddate: updated,
      lastname: pick(LAST_NAMES, index >> 3),
    },
    createdAt: created,
    updatedAt: updated,
    archived: false,
  };
}

export function shopifyProduct(index: number) {
  const id = 7_600_000_000_000 + index;
  const created = iso(EPOCH + index * 60_000);
  return {
    id: `gid://shopify/Product/${id}`,
    title: `Product ${index + 1}`,
    handle: `product-${index + 1}`,
    status: 'ACTIVE',
    vendor: pick(VENDORS, index),
    productType: 'Helmet',
    tags: ['bench', pick(VENDORS, index).toLowerCase()],
    createdAt: created,
    updatedAt: iso(EPOCH + index * 60_000 + 3_600_000),
    publishedAt: created,
    totalInventory: index % 50,
    variantsCount: { count: 1 + (index % 3) },
  };
}

/** Opaque cursors that encode an offset, as both APIs' cursors do (HubSpot `after`, Shopify `endCursor`). */
export const cursor = {
  encode: (offset: number) => Buffer.from(JSON.stringify({ last_id: offset }), 'utf8').toString('base64url'),
  decode: (value: unknown): number | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { last_id?: unknown };
      return typeof parsed.last_id === 'number' && Number.isInteger(parsed.last_id) && parsed.last_id >= 0 ? parsed.last_id : undefined;
    } catch {
      return undefined;
    }
  },
};
