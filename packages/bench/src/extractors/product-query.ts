/**
 * The products page both Shopify clients request: the connector's default node selection (2 points per product,
 * so a page of 250 requests 502 points), written out for the official client so both ask for the same data.
 */
export const PRODUCT_PAGE_SIZE = 250;
export const PRODUCTS_QUERY = `query ProductsList($first: Int!, $after: String) {
  products(first: $first, after: $after) {
    nodes { id title handle status vendor productType tags createdAt updatedAt publishedAt totalInventory variantsCount { count } }
    pageInfo { hasNextPage endCursor }
  }
}`;
