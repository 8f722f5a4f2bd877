export { {{className}}, DEFAULT_BASE_URL, type {{pascalName}}Config } from './client.js';
export { map{{pascalName}}Error, errorBodySchema, type ErrorBody } from './map-error.js';
export { metadata } from './metadata.js';
export { VERSION } from './version.js';
export { ItemsResource, itemSchema, itemPageSchema, type Item, type ItemPage, type ListItemsQuery } from './resources/items.js';
