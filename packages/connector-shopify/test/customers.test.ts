import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { expectGraphqlRequest, startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('customers', () => {
  it('list and get: typed customers (e-mail from defaultEmailAddress, amountSpent as money, numberOfOrders as a string)', async () => {
    h = await startShopify();
    const customers = await h.shopify.customers.list({ sortKey: 'NAME' }).toArray({ limit: 5 });
    expect(customers.map((c) => c.displayName)).toEqual(['Rosa Marquez', 'Tom Okafor']);
    expect(customers[0]).toMatchObject({
      defaultEmailAddress: { emailAddress: 'rosa.marquez@example.com', marketingState: 'SUBSCRIBED' },
      amountSpent: { amount: '412.49', currencyCode: 'USD' },
      numberOfOrders: '3',
    });
    expectGraphqlRequest(h.requests()[0], {
      query: /customers\(first: \$first.*sortKey: \$sortKey\)[\s\S]*defaultEmailAddress \{ emailAddress marketingState \}/,
      variables: { first: 249, after: null, query: null, reverse: false, sortKey: 'NAME' },
    });
    const one = await h.shopify.customers.get(6884731224160);
    expect(one.defaultPhoneNumber).toBeNull();
  });

  it('create: customerCreate(input:) returns the payload', async () => {
    h = await startShopify();
    const { customer } = await h.shopify.customers.create({ firstName: 'Ada', lastName: 'Ng', email: 'ada.ng@example.com', phone: '+14155550123', tags: ['wholesale'] });
    expect(customer).toMatchObject({ displayName: 'Ada Ng', defaultEmailAddress: { emailAddress: 'ada.ng@example.com' }, defaultPhoneNumber: { phoneNumber: '+14155550123' } });
    expectGraphqlRequest(h.requests()[0], {
      query: 'customerCreate(input: $input)',
      variables: { input: { firstName: 'Ada', lastName: 'Ng', email: 'ada.ng@example.com', phone: '+14155550123', tags: ['wholesale'] } },
    });
  });

  it('create: a taken e-mail (userErrors) is VALIDATION_ERROR on the email field, not retried', async () => {
    h = await startShopify();
    const error = await h.shopify.customers.create({ email: 'rosa.marquez@example.com' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'email', message: 'Email has already been taken' }] });
    expect(h.requests()).toHaveLength(1);
  });

  it('update: customerUpdate(input:)', async () => {
    h = await startShopify();
    const { customer } = await h.shopify.customers.update({ id: 'gid://shopify/Customer/6884731224160', tags: ['returning'] });
    expect(customer?.tags).toEqual(['returning']);
    expectGraphqlRequest(h.requests()[0], { query: 'customerUpdate(input: $input)', variables: { input: { id: 'gid://shopify/Customer/6884731224160', tags: ['returning'] } } });
  });

  it('validates input before the network', async () => {
    h = await startShopify();
    for (const call of [
      () => h!.shopify.customers.create({}),
      () => h!.shopify.customers.create({ email: 'not-an-email' }),
      () => h!.shopify.customers.create({ phone: '555-1234' }),
      () => h!.shopify.customers.update({ id: 'gid://shopify/Product/1' }),
      () => h!.shopify.customers.get(0),
    ]) {
      const error = await (async () => call())().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
