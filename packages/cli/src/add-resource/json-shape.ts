/**
 * What a set of JSON values has in common: the kinds seen, and for objects and arrays the merged shape of their
 * fields and elements. Built from every value a sample shows at one place (all elements of an array, the same
 * field across objects), so a field missing from some objects is optional and one seen as null is nullable.
 */
export interface JsonShape {
  /** Values merged into this shape, nulls included. */
  count: number;
  nulls: number;
  strings: number;
  numbers: number;
  booleans: number;
  /** Objects seen here: how many, and each field's shape (its `count` says in how many objects it appeared). */
  object: { count: number; fields: Map<string, JsonShape> } | undefined;
  /** Arrays seen here: the merged shape of all their elements (undefined while every array seen was empty). */
  array: { count: number; element: JsonShape | undefined } | undefined;
}

export function emptyShape(): JsonShape {
  return { count: 0, nulls: 0, strings: 0, numbers: 0, booleans: 0, object: undefined, array: undefined };
}

/** Merges one JSON value into `shape` (mutating it) and returns it. */
export function addToShape(shape: JsonShape, value: unknown): JsonShape {
  shape.count += 1;
  if (value === null || value === undefined) shape.nulls += 1;
  else if (typeof value === 'string') shape.strings += 1;
  else if (typeof value === 'number') shape.numbers += 1;
  else if (typeof value === 'boolean') shape.booleans += 1;
  else if (Array.isArray(value)) {
    shape.array ??= { count: 0, element: undefined };
    shape.array.count += 1;
    for (const element of value as unknown[]) shape.array.element = addToShape(shape.array.element ?? emptyShape(), element);
  } else if (typeof value === 'object') {
    shape.object ??= { count: 0, fields: new Map() };
    shape.object.count += 1;
    for (const [key, field] of Object.entries(value)) {
      shape.object.fields.set(key, addToShape(shape.object.fields.get(key) ?? emptyShape(), field));
    }
  } else {
    throw new TypeError(`A sample response holds JSON values only, not ${typeof value}.`);
  }
  return shape;
}

/** The merged shape of several values (a first page and a last page, every element of a list). */
export function shapeOf(values: readonly unknown[]): JsonShape {
  return values.reduce<JsonShape>((shape, value) => addToShape(shape, value), emptyShape());
}

/** True when a value at this place may be null, or missing from the object that holds it. */
export function mayBeAbsent(shape: JsonShape, parent?: JsonShape): boolean {
  return shape.nulls > 0 || (parent?.object !== undefined && shape.count < parent.object.count);
}
