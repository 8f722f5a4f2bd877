/** Stand-in → the function that builds (once) and returns the real schema. */
const stand_ins = new WeakMap<object, () => object>();

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
  const standIn = new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may not report a property as non-configurable when its (empty) target lacks it.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
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
