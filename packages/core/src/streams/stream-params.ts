import { ValidationError } from '../errors/error-classes.js';
import type { StreamDeclaration } from '../metadata/connector-metadata.js';
import type { $ZodType, output } from 'zod/v4/core';
import { validateInput } from '../validation/parse.js';
import type { StreamReadArgs } from './stream.js';

/**
 * A stream's params as a command line gives them (strings), checked against its declaration: an unknown name and a
 * missing required one are named first (with the declared description and example), then `schema` checks and
 * converts the values. Every problem is a VALIDATION_ERROR naming the param, raised before any request.
 */
export function parseStreamParams<S extends $ZodType>(
  stream: Pick<StreamDeclaration, 'name' | 'params'>,
  params: StreamReadArgs['params'],
  schema: S,
  source?: string,
): output<S> {
  const given: Readonly<Record<string, unknown>> = params ?? {};
  const declared = stream.params ?? {};
  const names = Object.keys(declared);
  const issues: Array<{ path: string; message: string }> = [];
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(declared, name)) {
      issues.push({ path: name, message: `is not a parameter of stream ${stream.name} (${names.length > 0 ? `it takes ${names.join(', ')}` : 'it takes none'})` });
    }
  }
  for (const [name, p] of Object.entries(declared)) {
    const value = given[name];
    if (p.required && (value === undefined || (typeof value === 'string' && value.trim() === ''))) {
      issues.push({ path: name, message: `is required: ${p.description} (e.g. ${p.example})` });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError({ message: `Invalid ${stream.name} stream params: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues, source });
  }
  return validateInput(schema, given, `Invalid ${stream.name} stream params`, source);
}
