import { parseDocument, resolveArg, type FieldSelection } from '../graphql-document.js';
import type { MockBulkOperation, MockBulkOptions } from './bulk-mock.js';
import type { MockRecord } from './fixtures.js';
import { project, type ProjectionContext } from './projection.js';
import { iso, type MockStore } from './store.js';

/**
 * The mutations the mock implements, with Shopify's payload shape: the changed object and `userErrors`
 * (`field` path and `message`, plus `code` where the API has one), always HTTP 200.
 */
export interface MutationContext {
  store: MockStore;
  bulkOperations: MockBulkOperation[];
  bulk: MockBulkOptions;
  now: () => number;
  origin: string;
  projection: ProjectionContext;
}

type UserError = { field: string[] | null; message: string; code?: string };
type Resolver = (field: FieldSelection, ctx: MutationContext) => Record<string, unknown>;

let nextId = 9_100_000_000_000;

function input(field: FieldSelection, ctx: MutationContext, name: string): Record<string, unknown> {
  const value = resolveArg(field.args[name], ctx.projection.variables);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function payload(field: FieldSelection, ctx: MutationContext, body: Record<string, unknown>, userErrors: UserError[]): Record<string, unknown> {
  return project({ ...body, userErrors }, field.selections ?? [], ctx.projection);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const productCreate: Resolver = (field, ctx) => {
  const p = input(field, ctx, 'product');
  const title = typeof p.title === 'string' ? p.title.trim() : '';
  if (title === '') return payload(field, ctx, { product: null }, [{ field: ['title'], message: "Title can't be blank" }]);
  const handle = typeof p.handle === 'string' ? p.handle : slug(title);
  if (ctx.store.products.some((r) => r.handle === handle)) {
    return payload(field, ctx, { product: null }, [{ field: ['handle'], message: `Handle '${handle}' already in use. Please provide a new handle.` }]);
  }
  const now = iso(ctx.now());
  nextId += 1;
  const product: MockRecord = {
    id: `gid://shopify/Product/${nextId}`,
    title,
    handle,
    status: typeof p.status === 'string' ? p.status : 'ACTIVE',
    vendor: typeof p.vendor === 'string' ? p.vendor : 'Acme Outdoor',
    productType: typeof p.productType === 'string' ? p.productType : '',
    tags: Array.isArray(p.tags) ? p.tags : [],
    descriptionHtml: typeof p.descriptionHtml === 'string' ? p.descriptionHtml : '',
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    totalInventory: 0,
    variantsCount: { count: 1 },
    variants: [{ id: `gid://shopify/ProductVariant/${nextId}`, title: 'Default Title', sku: '', price: '0.00', inventoryQuantity: 0 }],
  };
  ctx.store.products.push(product);
  return payload(field, ctx, { product }, []);
};

function update(collection: MockRecord[], type: string, field: FieldSelection, ctx: MutationContext, argName: string, key: string): Record<string, unknown> {
  const changes = input(field, ctx, argName);
  const record = collection.find((r) => r.id === changes.id);
  if (!record) return payload(field, ctx, { [key]: null }, [{ field: ['id'], message: `${type} does not exist` }]);
  if (typeof changes.title === 'string' && changes.title.trim() === '') {
    return payload(field, ctx, { [key]: null }, [{ field: ['title'], message: "Title can't be blank" }]);
  }
  Object.assign(record, changes, { updatedAt: iso(ctx.now()) });
  return payload(field, ctx, { [key]: record }, []);
}

const customerCreate: Resolver = (field, ctx) => {
  const c = input(field, ctx, 'input');
  const email = typeof c.email === 'string' ? c.email : undefined;
  if (email && ctx.store.customers.some((r) => r.email === email)) {
    return payload(field, ctx, { customer: null }, [{ field: ['email'], message: 'Email has already been taken' }]);
  }
  if (typeof c.phone === 'string' && ctx.store.customers.some((r) => (r.defaultPhoneNumber as { phoneNumber?: string } | null)?.phoneNumber === c.phone)) {
    return payload(field, ctx, { customer: null }, [{ field: ['phone'], message: 'Phone has already been taken' }]);
  }
  const now = iso(ctx.now());
  nextId += 1;
  const firstName = typeof c.firstName === 'string' ? c.firstName : null;
  const lastName = typeof c.lastName === 'string' ? c.lastName : null;
  const customer: MockRecord = {
    id: `gid://shopify/Customer/${nextId}`,
    firstName,
    lastName,
    displayName: [firstName, lastName].filter(Boolean).join(' ') || email || (typeof c.phone === 'string' ? c.phone : ''),
    state: 'DISABLED',
    email: email ?? null,
    createdAt: now,
    updatedAt: now,
    numberOfOrders: '0',
    tags: Array.isArray(c.tags) ? c.tags : [],
    verifiedEmail: false,
    note: typeof c.note === 'string' ? c.note : null,
    defaultEmailAddress: email ? { emailAddress: email, marketingState: 'NOT_SUBSCRIBED' } : null,
    defaultPhoneNumber: typeof c.phone === 'string' ? { phoneNumber: c.phone } : null,
    amountSpent: { amount: '0.0', currencyCode: 'USD' },
  };
  ctx.store.customers.push(customer);
  return payload(field, ctx, { customer }, []);
};

const collectionCreate: Resolver = (field, ctx) => {
  const c = input(field, ctx, 'input');
  const title = typeof c.title === 'string' ? c.title.trim() : '';
  if (title === '') return payload(field, ctx, { collection: null }, [{ field: ['title'], message: "Title can't be blank" }]);
  nextId += 1;
  const products = Array.isArray(c.products) ? c.products : [];
  const collection: MockRecord = {
    id: `gid://shopify/Collection/${nextId}`,
    title,
    handle: typeof c.handle === 'string' ? c.handle : slug(title),
    updatedAt: iso(ctx.now()),
    sortOrder: 'MANUAL',
    productsCount: { count: products.length },
  };
  ctx.store.collections.push(collection);
  return payload(field, ctx, { collection }, []);
};

const productDelete: Resolver = (field, ctx) => {
  const { id } = input(field, ctx, 'input');
  const index = ctx.store.products.findIndex((r) => r.id === id);
  if (index === -1) return payload(field, ctx, { deletedProductId: null }, [{ field: ['id'], message: 'Product does not exist' }]);
  ctx.store.products.splice(index, 1);
  return payload(field, ctx, { deletedProductId: id }, []);
};

const inventoryAdjustQuantities: Resolver = (field, ctx) => {
  const adjust = input(field, ctx, 'input');
  const changes = Array.isArray(adjust.changes) ? (adjust.changes as Array<Record<string, unknown>>) : [];
  const applied: Array<{ name: string; delta: number }> = [];
  for (const [i, change] of changes.entries()) {
    const item = ctx.store.inventoryItems.find((r) => r.id === change.inventoryItemId);
    const level = (item?.inventoryLevels as Array<Record<string, unknown>> | undefined)?.find(
      (l) => (l.location as { id?: unknown } | undefined)?.id === change.locationId,
    );
    if (!item || !level) {
      return payload(field, ctx, { inventoryAdjustmentGroup: null }, [
        {
          field: ['input', 'changes', String(i), item ? 'locationId' : 'inventoryItemId'],
          message: item ? 'The specified location could not be found.' : 'The specified inventory item could not be found.',
          code: item ? 'INVALID_LOCATION' : 'INVALID_INVENTORY_ITEM',
        },
      ]);
    }
    const quantity = (level.quantities as Array<{ name: string; quantity: number }>).find((q) => q.name === adjust.name);
    if (quantity) quantity.quantity += Number(change.delta);
    level.updatedAt = iso(ctx.now());
    applied.push({ name: String(adjust.name), delta: Number(change.delta) });
  }
  nextId += 1;
  return payload(field, ctx, { inventoryAdjustmentGroup: { id: `gid://shopify/InventoryAdjustmentGroup/${nextId}`, reason: adjust.reason, changes: applied } }, []);
};

const bulkOperationRunQuery: Resolver = (field, ctx) => {
  const query = resolveArg(field.args.query, ctx.projection.variables);
  const running = ctx.bulkOperations.find((op) => op.status === 'CREATED' || op.status === 'RUNNING' || op.status === 'CANCELING');
  if (running) {
    return payload(field, ctx, { bulkOperation: null }, [
      { field: null, message: `A bulk query operation for this app and shop is already in progress: ${running.id}.`, code: 'OPERATION_IN_PROGRESS' },
    ]);
  }
  try {
    parseDocument(String(query));
  } catch (error) {
    return payload(field, ctx, { bulkOperation: null }, [{ field: ['query'], message: `Invalid bulk query: ${(error as Error).message}`, code: 'INVALID' }]);
  }
  nextId += 1;
  const op: MockBulkOperation = {
    id: `gid://shopify/BulkOperation/${nextId}`,
    status: 'CREATED',
    errorCode: null,
    createdAt: iso(ctx.now()),
    completedAt: null,
    objectCount: '0',
    rootObjectCount: '0',
    fileSize: null,
    url: null,
    partialDataUrl: null,
    query: String(query),
    polls: 0,
    origin: ctx.origin,
  };
  ctx.bulkOperations.push(op);
  const { polls: _p, origin: _o, ...view } = op;
  return payload(field, ctx, { bulkOperation: view }, []);
};

const bulkOperationCancel: Resolver = (field, ctx) => {
  const id = resolveArg(field.args.id, ctx.projection.variables);
  const op = ctx.bulkOperations.find((b) => b.id === id);
  if (!op) return payload(field, ctx, { bulkOperation: null }, [{ field: ['id'], message: 'Bulk operation does not exist' }]);
  if (op.status !== 'CREATED' && op.status !== 'RUNNING') {
    return payload(field, ctx, { bulkOperation: null }, [{ field: null, message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}` }]);
  }
  op.status = 'CANCELING';
  const { polls: _p, origin: _o, ...view } = op;
  return payload(field, ctx, { bulkOperation: view }, []);
};

export const mutationResolvers: Record<string, Resolver> = {
  productCreate,
  productUpdate: (field, ctx) => update(ctx.store.products, 'Product', field, ctx, 'product', 'product'),
  productDelete,
  customerCreate,
  customerUpdate: (field, ctx) => update(ctx.store.customers, 'Customer', field, ctx, 'input', 'customer'),
  collectionCreate,
  inventoryAdjustQuantities,
  bulkOperationRunQuery,
  bulkOperationCancel,
};
