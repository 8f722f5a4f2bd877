export { addResource, type AddResourceResult } from './add-resource.js';
export { addResourceOptionsSchema, PAGINATION_STYLES, type AddResourceOptions, type PaginationStyle } from './add-resource-options.js';
export { inferZodSchema } from './infer-zod-schema.js';
