export { addResource, type AddResourceResult } from './add-resource.js';
export { AddResourceError, type AddResourceErrorCode } from './add-resource-error.js';
export { addResourceOptionsSchema, HTTP_METHODS, PAGINATION_STYLES, type AddResourceOptions, type PaginationStyle, type ResourceHttpMethod } from './add-resource-options.js';
export { inferZodSchema } from './infer-zod-schema.js';
