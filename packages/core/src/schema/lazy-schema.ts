/**
 * A schema built on first use, not on import. zod builds a schema eagerly and that is not free (~10–30 µs per
 * node): a connector with a hundred module-level schemas would spend milliseconds of every cold start on
 * schemas the process may never use. `lazySchema(() => z.object({...}))` returns a stand-in that builds the real
 * schema the first time anything touches it (parse, `.shape`, `z.extend`, nesting in another schema) and then
 * forwards everything to it; types are the real schema's.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const schema = (): T => (real ??= build());
  return new Proxy({} as T, {
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
}
