export * from './error-codes.js';
export * from './connector-error.js';
export * from './error-classes.js';
export * from './webhook-errors.js';
export * from './guards.js';
export * from './http-error-factory.js';
