/** How an endpoint can page: core's pagination strategies of the same names (`none`: one response). */
export const PAGINATION_STYLES = ['none', 'cursor', 'offset', 'page', 'link'] as const;
/** The HTTP verbs a generated method can use: GET reads; the others write. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** The HTTP verb of the endpoint: GET reads; POST, PUT, PATCH and DELETE write. */
export type ResourceHttpMethod = (typeof HTTP_METHODS)[number];
/** How the endpoint pages: core's strategy of the same name (`none`: one response, one page at most). */
export type PaginationStyle = (typeof PAGINATION_STYLES)[number];
