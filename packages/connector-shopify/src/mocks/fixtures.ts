/**
 * Realistic records shaped like the Admin GraphQL API's objects (2025-07), as the mock stores them:
 * nested connections are plain arrays, and the mock builds `nodes`/`edges`/`pageInfo` from them for
 * whatever selection a query asks. Ids, names and amounts are invented; shapes follow Shopify's docs.
 */
/** A record as the mock stores it: a GraphQL object with its GID `id`; nested connections are plain arrays. */
export type MockRecord = {
  /** The record's GID (`gid://shopify/Product/…`). */
  id: string;
  [key: string]: unknown;
};

/** The mock shop (`query { shop }`): Acme Outdoor, USD, America/New_York. */
export const shopFixture = {
  id: 'gid://shopify/Shop/68817551630',
  name: 'Acme Outdoor',
  myshopifyDomain: 'acme-outdoor.myshopify.com',
  email: 'owner@acme-outdoor.example',
  currencyCode: 'USD',
  ianaTimezone: 'America/New_York',
  plan: { partnerDevelopment: false, shopifyPlus: false, publicDisplayName: 'Basic' },
};

const money = (amount: string, currencyCode = 'USD') => ({ amount, currencyCode });

/** Three products with their variants, shaped like the Admin GraphQL API's `Product`. */
export const productFixtures: MockRecord[] = [
  {
    id: 'gid://shopify/Product/7608002183224',
    title: 'Aera',
    handle: 'aera-helmet',
    status: 'ACTIVE',
    vendor: 'Acme',
    productType: 'Helmets',
    tags: ['bike', 'safety'],
    descriptionHtml: '<p>A light road helmet.</p>',
    createdAt: '2024-12-02T10:11:12Z',
    updatedAt: '2025-01-15T08:00:00Z',
    publishedAt: '2024-12-02T10:15:00Z',
    totalInventory: 19,
    variantsCount: { count: 2 },
    priceRangeV2: { minVariantPrice: money('129.00'), maxVariantPrice: money('139.00') },
    variants: [
      { id: 'gid://shopify/ProductVariant/42130001', title: 'M', sku: 'AERA-M', price: '129.00', inventoryQuantity: 7 },
      { id: 'gid://shopify/ProductVariant/42130002', title: 'L', sku: 'AERA-L', price: '139.00', inventoryQuantity: 12 },
    ],
  },
  {
    id: 'gid://shopify/Product/7608002215992',
    title: 'Trail Runner Socks',
    handle: 'trail-runner-socks',
    status: 'ACTIVE',
    vendor: 'Acme',
    productType: 'Apparel',
    tags: ['running'],
    descriptionHtml: '<p>Merino blend.</p>',
    createdAt: '2024-12-05T14:00:00Z',
    updatedAt: '2025-01-20T09:30:00Z',
    publishedAt: '2024-12-05T14:00:00Z',
    totalInventory: 240,
    variantsCount: { count: 1 },
    priceRangeV2: { minVariantPrice: money('18.50'), maxVariantPrice: money('18.50') },
    variants: [{ id: 'gid://shopify/ProductVariant/42130010', title: 'Default Title', sku: 'SOCK-TR', price: '18.50', inventoryQuantity: 240 }],
  },
  {
    id: 'gid://shopify/Product/7608002248760',
    title: 'Summit Down Jacket',
    handle: 'summit-down-jacket',
    status: 'DRAFT',
    vendor: 'Northline',
    productType: 'Jackets',
    tags: [],
    descriptionHtml: '',
    createdAt: '2025-01-02T08:00:00Z',
    updatedAt: '2025-01-20T09:30:00Z',
    publishedAt: null,
    totalInventory: 0,
    variantsCount: { count: 1 },
    priceRangeV2: { minVariantPrice: money('349.99'), maxVariantPrice: money('349.99') },
    variants: [{ id: 'gid://shopify/ProductVariant/42130020', title: 'Default Title', sku: 'SDJ-01', price: '349.99', inventoryQuantity: 0 }],
  },
];

/** Two customers with e-mail addresses and marketing states, shaped like the API's `Customer`. */
export const customerFixtures: MockRecord[] = [
  {
    id: 'gid://shopify/Customer/6884731191392',
    firstName: 'Rosa',
    lastName: 'Marquez',
    displayName: 'Rosa Marquez',
    state: 'ENABLED',
    email: 'rosa.marquez@example.com',
    createdAt: '2024-11-20T16:04:00Z',
    updatedAt: '2025-01-18T12:00:00Z',
    numberOfOrders: '3',
    tags: ['vip'],
    verifiedEmail: true,
    note: null,
    defaultEmailAddress: { emailAddress: 'rosa.marquez@example.com', marketingState: 'SUBSCRIBED' },
    defaultPhoneNumber: { phoneNumber: '+16135551111' },
    amountSpent: money('412.49'),
  },
  {
    id: 'gid://shopify/Customer/6884731224160',
    firstName: 'Tom',
    lastName: 'Okafor',
    displayName: 'Tom Okafor',
    state: 'DISABLED',
    email: 'tom.okafor@example.com',
    createdAt: '2024-12-28T09:12:00Z',
    updatedAt: '2025-01-19T07:45:00Z',
    numberOfOrders: '1',
    tags: [],
    verifiedEmail: false,
    note: 'Prefers phone contact',
    defaultEmailAddress: { emailAddress: 'tom.okafor@example.com', marketingState: 'NOT_SUBSCRIBED' },
    defaultPhoneNumber: null,
    amountSpent: money('18.50'),
  },
];

/** Two orders with line items, money bags and their customer, shaped like the API's `Order`. */
export const orderFixtures: MockRecord[] = [
  {
    id: 'gid://shopify/Order/5923473719352',
    name: '#1001',
    email: 'rosa.marquez@example.com',
    createdAt: '2025-01-10T15:20:00Z',
    updatedAt: '2025-01-11T10:00:00Z',
    processedAt: '2025-01-10T15:20:00Z',
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'FULFILLED',
    currencyCode: 'USD',
    test: false,
    currentTotalPriceSet: { shopMoney: money('147.50'), presentmentMoney: money('147.50') },
    customer: { id: 'gid://shopify/Customer/6884731191392' },
    lineItems: [
      { id: 'gid://shopify/LineItem/14623381930040', title: 'Aera', quantity: 1, sku: 'AERA-M' },
      { id: 'gid://shopify/LineItem/14623381962808', title: 'Trail Runner Socks', quantity: 1, sku: 'SOCK-TR' },
    ],
  },
  {
    id: 'gid://shopify/Order/5923473752120',
    name: '#1002',
    email: 'tom.okafor@example.com',
    createdAt: '2025-01-19T07:40:00Z',
    updatedAt: '2025-01-19T07:45:00Z',
    processedAt: '2025-01-19T07:40:00Z',
    cancelledAt: null,
    displayFinancialStatus: 'PENDING',
    displayFulfillmentStatus: 'UNFULFILLED',
    currencyCode: 'EUR',
    test: false,
    currentTotalPriceSet: { shopMoney: money('18.50'), presentmentMoney: money('17.20', 'EUR') },
    customer: { id: 'gid://shopify/Customer/6884731224160' },
    lineItems: [{ id: 'gid://shopify/LineItem/14623381995576', title: 'Trail Runner Socks', quantity: 1, sku: 'SOCK-TR' }],
  },
];

/** One collection (Cycling, one product), shaped like the API's `Collection`. */
export const collectionFixtures: MockRecord[] = [
  {
    id: 'gid://shopify/Collection/482865238328',
    title: 'Cycling',
    handle: 'cycling',
    updatedAt: '2025-01-15T08:00:00Z',
    sortOrder: 'BEST_SELLING',
    productsCount: { count: 1 },
    descriptionHtml: '<p>Everything for the road.</p>',
  },
];

const location = { id: 'gid://shopify/Location/76412649528', name: 'Main warehouse' };
const quantities = (available: number) => [
  { name: 'available', quantity: available },
  { name: 'committed', quantity: 1 },
  { name: 'incoming', quantity: 0 },
  { name: 'on_hand', quantity: available + 1 },
  { name: 'reserved', quantity: 0 },
];

/** Two inventory items with their levels per location, shaped like the API's `InventoryItem`. */
export const inventoryItemFixtures: MockRecord[] = [
  {
    id: 'gid://shopify/InventoryItem/44721110270008',
    sku: 'AERA-M',
    tracked: true,
    requiresShipping: true,
    createdAt: '2024-12-02T10:11:12Z',
    updatedAt: '2025-01-15T08:00:00Z',
    unitCost: money('61.00'),
    countryCodeOfOrigin: 'IT',
    inventoryLevels: [
      {
        id: 'gid://shopify/InventoryLevel/97400045624?inventory_item_id=44721110270008',
        updatedAt: '2025-01-15T08:00:00Z',
        location,
        quantities: quantities(7),
      },
    ],
  },
  {
    id: 'gid://shopify/InventoryItem/44721110302776',
    sku: 'SOCK-TR',
    tracked: true,
    requiresShipping: true,
    createdAt: '2024-12-05T14:00:00Z',
    updatedAt: '2025-01-20T09:30:00Z',
    unitCost: null,
    countryCodeOfOrigin: null,
    inventoryLevels: [
      {
        id: 'gid://shopify/InventoryLevel/97400045624?inventory_item_id=44721110302776',
        updatedAt: '2025-01-20T09:30:00Z',
        location,
        quantities: quantities(240),
      },
    ],
  },
];

/**
 * `count` products: the fixtures first, then generated ones whose `updatedAt` advances by `stepMs`
 * from `start` (several share a timestamp when `stepMs` is 0 or `sameTimestampEvery` groups them).
 */
export function generateProducts(count: number, options: { start?: string; stepMs?: number; sameTimestampEvery?: number } = {}): MockRecord[] {
  const out: MockRecord[] = productFixtures.slice(0, Math.min(count, productFixtures.length)).map((p) => structuredClone(p));
  const start = Date.parse(options.start ?? '2025-02-01T00:00:00Z');
  const step = options.stepMs ?? 60_000;
  const group = Math.max(1, options.sameTimestampEvery ?? 1);
  for (let i = out.length; i < count; i += 1) {
    const at = new Date(start + Math.floor(i / group) * step).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const n = i + 1;
    out.push({
      id: `gid://shopify/Product/${8_000_000_000_000 + n}`,
      title: `Generated product ${n}`,
      handle: `generated-product-${n}`,
      status: 'ACTIVE',
      vendor: 'Acme',
      productType: 'Generated',
      tags: [],
      descriptionHtml: '',
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      totalInventory: n % 50,
      variantsCount: { count: 1 },
      variants: [{ id: `gid://shopify/ProductVariant/${9_000_000_000_000 + n}`, title: 'Default Title', sku: `GEN-${n}`, price: '10.00', inventoryQuantity: n % 50 }],
    });
  }
  return out;
}

/** `count` orders, the fixtures first, for changedSince tests. */
export function generateOrders(count: number, options: { start?: string; stepMs?: number; sameTimestampEvery?: number } = {}): MockRecord[] {
  const out: MockRecord[] = orderFixtures.slice(0, Math.min(count, orderFixtures.length)).map((o) => structuredClone(o));
  const start = Date.parse(options.start ?? '2025-02-01T00:00:00Z');
  const step = options.stepMs ?? 60_000;
  const group = Math.max(1, options.sameTimestampEvery ?? 1);
  for (let i = out.length; i < count; i += 1) {
    const at = new Date(start + Math.floor(i / group) * step).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const n = 1000 + i + 1;
    out.push({
      id: `gid://shopify/Order/${6_000_000_000_000 + i}`,
      name: `#${n}`,
      email: `buyer${n}@example.com`,
      createdAt: at,
      updatedAt: at,
      processedAt: at,
      cancelledAt: null,
      displayFinancialStatus: 'PAID',
      displayFulfillmentStatus: 'UNFULFILLED',
      currencyCode: 'USD',
      test: false,
      currentTotalPriceSet: { shopMoney: money('25.00'), presentmentMoney: money('25.00') },
      customer: null,
      lineItems: [],
    });
  }
  return out;
}
