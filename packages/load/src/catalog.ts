import type { Stream, StreamDeclaration } from '@cf/core';
import { toJSONSchema } from 'zod/mini';

/** A stream as `cf discover` prints it: its declaration and the JSON Schema of one record. */
export interface CatalogEntry extends StreamDeclaration {
  /** The JSON Schema of one record (`streamJsonSchema`). */
  jsonSchema: Record<string, unknown>;
}

/** The JSON Schema of a stream's records (what the API sends: zod's input side; unrepresentable parts are `{}`). */
export function streamJsonSchema(stream: Pick<Stream, 'schema'>): Record<string, unknown> {
  return toJSONSchema(stream.schema(), { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

/** A connector's streams with their JSON Schemas. */
export function discover(connector: { streams(): Stream[] }): CatalogEntry[] {
  return connector.streams().map((stream) => {
    const { name, description, primaryKey, syncMode, cursorField, deletedField, operation, params } = stream;
    const declaration: StreamDeclaration = { name, description, primaryKey, syncMode, operation };
    if (cursorField !== undefined) declaration.cursorField = cursorField;
    if (deletedField !== undefined) declaration.deletedField = deletedField;
    if (params !== undefined) declaration.params = params;
    return { ...declaration, jsonSchema: streamJsonSchema(stream) };
  });
}
