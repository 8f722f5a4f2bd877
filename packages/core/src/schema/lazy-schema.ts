/** Stand-in → the function that builds (once) and returns the real schema. */
const stand_ins = new WeakMap<object, () => object>();

/** Proxy target of a stand-in → the function that builds (once) and returns the real schema. */
const builders = new WeakMap<object, () => object>();
const built = (target: object): object => builders.get(target)!();

/** Every operation on a stand-in, done on the real schema (built on the first). */
const FORWARD: ProxyHandler<object> = {
  get: (target, key): unknown => Reflect.get(built(target), key),
  set: (target, key, value) => Reflect.set(built(target), key, value),
  has: (target, key) => Reflect.has(built(target), key),
  ownKeys: (target) => Reflect.ownKeys(built(target)),
  getOwnPropertyDescriptor: (target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(built(target), key);
    // A proxy may not report a property as non-configurable when its (empty) target lacks it.
    if (descriptor) descriptor.configurable = true;
    return descriptor;
  },
  getPrototypeOf: (target) => Reflect.getPrototypeOf(built(target)),
};

/**
 * A schema built on first use, not on import. zod builds a schema eagerly and that is not free (~10–30 µs per
 * node): a connector with hundreds of module-level schemas would spend milliseconds of every cold start on
 * schemas the process may never use. `lazySchema(() => z.object({...}))` returns a stand-in that builds the real
 * schema the first time anything touches it (parse, `.shape`, `z.extend`, nesting in another schema) and then
 * forwards everything to it; types are the real schema's.
 *
 * A schema built from stand-ins gets the real schemas in their place as it is built (anywhere in what its thunk
 * built), so parsing never goes through a stand-in's forwarding on the hot path.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const schema = (): T => (real ??= withRealChildren(build()));
  // Per stand-in: its (empty) proxy target and the proxy. The handler is shared, and finds the schema by the target:
  // a module declares dozens of these, each built on import (a handler of its own was 7 more objects each).
  const target = {};
  builders.set(target, schema);
  const standIn = new Proxy(target, FORWARD) as T;
  stand_ins.set(standIn, schema);
  return standIn;
}

/** The real schema behind a stand-in (built now if it was not), or the value itself. */
export function realSchema<T>(value: T): T {
  const build = typeof value === 'object' && value !== null ? stand_ins.get(value) : undefined;
  return build ? (build() as T) : value;
}

/** zod definition fields that hold one schema, or a list or record of them. */
const ONE = ['innerType', 'element', 'in', 'out', 'keyType', 'valueType', 'left', 'right', 'catchall', 'rest'] as const;
const MANY = ['options', 'items'] as const;

function withRealChildren<T>(schema: T, seen = new WeakSet<object>()): T {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | null)?._zod?.def;
  if (!def || typeof def !== 'object' || seen.has(def)) return schema;
  seen.add(def);
  // A stand-in is swapped for its real schema (which did this for its own children when built); a schema built
  // in the same thunk (`z.optional(city)`) is walked, so stand-ins deeper in it are swapped too.
  const swap = (child: unknown): unknown => {
    if (typeof child !== 'object' || child === null) return child;
    const real = realSchema(child);
    return real === child ? withRealChildren(child, seen) : real;
  };
  for (const key of ONE) if (def[key] !== undefined) def[key] = swap(def[key]);
  for (const key of MANY) {
    const list = def[key];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i += 1) list[i] = swap(list[i]);
  }
  // An object's shape is read lazily by zod (on first parse), so swapping its entries now is seen.
  const shape = def.shape as Record<string, unknown> | undefined;
  if (shape && typeof shape === 'object') for (const key of Object.keys(shape)) shape[key] = swap(shape[key]);
  return schema;
}
