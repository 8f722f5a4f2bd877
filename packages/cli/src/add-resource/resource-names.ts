import { addResourceError } from './add-resource-error.js';

/** The spellings of a resource name that the generated files use. */
export interface ResourceNames {
  /** `line-items`: the file name (`src/resources/line-items.ts`) and the registry's resource name. */
  name: string;
  /** `lineItems`: the client's property. */
  camel: string;
  /** `LineItems`: `LineItemsResource`. */
  pascal: string;
  /** `LineItem`: one record's type (`LineItem`, `lineItemSchema`); a name that is not plural (`account`) stays. */
  singular: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `orders` → `Order`, `categories` → `Category`, `addresses` → `Address`; a name that is not plural stays. */
function singularOf(pascal: string): string {
  if (/ies$/.test(pascal)) return `${pascal.slice(0, -3)}y`;
  if (/(ss|us|x|ch|sh)es$/.test(pascal)) return pascal.slice(0, -2);
  if (/[^s]s$/.test(pascal)) return pascal.slice(0, -1);
  return pascal;
}

export function resourceNames(name: string): ResourceNames {
  if (!NAME.test(name)) throw addResourceError('INVALID_OPTIONS', `"${name}" is not a resource name: lower-case letters and digits in words joined by "-" (e.g. "orders", "line-items").`);
  const words = name.split('-');
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return { name, camel: pascal.charAt(0).toLowerCase() + pascal.slice(1), pascal, singular: singularOf(pascal) };
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `orderSchema`, `Order`, `orderPageSchema`, `OrderPage`, `ListOrdersQuery`... for one resource. */
export function schemaNames(names: ResourceNames) {
  return {
    item: names.singular,
    itemSchema: `${lowerFirst(names.singular)}Schema`,
    page: `${names.singular}Page`,
    pageSchema: `${lowerFirst(names.singular)}PageSchema`,
    query: `List${names.pascal}Query`,
    resourceClass: `${names.pascal}Resource`,
    sample: `${names.camel}Sample`,
    lastPage: `${names.camel}LastPage`,
    handlers: `${names.camel}Handlers`,
  };
}
export type SchemaNames = ReturnType<typeof schemaNames>;

/**
 * The names one method's code declares. A resource's first method gets the plain ones (`Order`, `orderSchema`,
 * `ordersSample`); a method added to a resource that has them gets its own, prefixed with the method's name
 * (`GetOrderResponse`, `getOrderResponseSchema`, `ordersGetSample`), so nothing declared before is redeclared.
 */
export function methodNames(names: ResourceNames, method: string, isList: boolean, taken: ReadonlySet<string>) {
  const base = schemaNames(names);
  const prefix = upperFirst(method);
  const free = (...ids: string[]): boolean => ids.every((id) => !taken.has(id));
  const plainTypes = free(base.item, base.itemSchema, ...(isList ? [base.page, base.pageSchema] : []));
  const item = plainTypes ? base.item : isList ? `${prefix}${names.singular}` : `${prefix}${names.singular}Response`;
  const page = plainTypes ? base.page : `${prefix}${names.singular}Page`;
  const plainSample = free(base.sample, `${names.camel}Samples`, base.lastPage);
  const sample = plainSample ? base.sample : `${names.camel}${prefix}Sample`;
  const input = `${prefix}${names.singular}Input`;
  return {
    ...base,
    item,
    itemSchema: `${lowerFirst(item)}Schema`,
    page,
    pageSchema: `${lowerFirst(page)}Schema`,
    query: free(base.query) ? base.query : `${prefix}${names.pascal}Query`,
    sample,
    /** Every sample response, the first being `sample`: exported when there are several. */
    samples: `${sample}s`,
    lastPage: plainSample ? base.lastPage : `${names.camel}${prefix}LastPage`,
    /** The request body's type and schema, for writes: `CreateOrderInput`. */
    input,
    inputSchema: `${lowerFirst(input)}Schema`,
    /** The request sample in the mocks: `ordersCreateRequest`. */
    request: `${names.camel}${prefix}Request`,
    /** The path parameters' schema (module-level in the resource file). */
    paramsSchema: free('paramsSchema') ? 'paramsSchema' : `${method}ParamsSchema`,
  };
}
export type MethodNames = ReturnType<typeof methodNames>;
