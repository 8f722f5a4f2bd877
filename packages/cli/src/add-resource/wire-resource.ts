import { usageError } from '../cli-error.js';
import { hasQuery } from './render-resource.js';
import type { ResourcePlan } from './resource-plan.js';

/** Inserts `text` after the last line matching `anchor`, or fails naming what it looked for in which file. */
function insertAfterLast(source: string, anchor: RegExp, text: string, file: string, what: string): string {
  const lines = source.split('\n');
  const index = lines.map((line, i) => (anchor.test(line) ? i : -1)).filter((i) => i >= 0).pop();
  if (index === undefined) throw usageError(`Cannot wire the resource into ${file}: found no ${what} (the \`cf new\` layout has one). Add it by hand.`);
  lines.splice(index + 1, 0, ...text.split('\n'));
  return lines.join('\n');
}

const IMPORT = /^import .* from '[^']+';$/;

/**
 * The connector class's file (`src/<name>-connector.ts`), the way the scaffold registers its example resource: the import, a `readonly` property, and
 * `this.<name> = new <Name>Resource(() => this.http)` in the constructor (a getter, so `connect()` after
 * `disconnect()` gets the new HTTP client).
 */
export function wireClient(source: string, plan: ResourcePlan): string {
  const { names, ids } = plan;
  const file = plan.connector.entry;
  if (new RegExp(`readonly ${names.camel}[:;\\s]`).test(source)) throw usageError(`${file} already has a "${names.camel}" property.`);
  let out = insertAfterLast(source, /^import \{ \w+Resource \} from '\.\/resources\/[^']+';$/, `import { ${ids.resourceClass} } from './resources/${names.name}.js';`, file, 'resource import');
  out = insertAfterLast(
    out,
    /^\s+readonly \w+: \w+Resource;$/,
    `  /** ${names.pascal}: \`${plan.method}()\`. */\n  readonly ${names.camel}: ${ids.resourceClass};`,
    file,
    '`readonly <name>: <Name>Resource;` property',
  );
  return insertAfterLast(
    out,
    /^\s+this\.\w+ = new \w+Resource\(\(\) => this\.http\);$/,
    `    this.${names.camel} = new ${ids.resourceClass}(() => this.http);`,
    file,
    '`this.<name> = new <Name>Resource(() => this.http);` line in the constructor',
  );
}

/** `src/index.ts`: the resource class, its schemas and types. */
export function wireIndex(source: string, plan: ResourcePlan): string {
  const { ids } = plan;
  const values = [ids.resourceClass, ids.itemSchema, ...(plan.isList ? [ids.pageSchema] : [])];
  const types = [ids.item, ...(plan.isList ? [ids.page] : []), ...(plan.isList && plan.style !== 'none' ? [ids.query] : [])].map((t) => `type ${t}`);
  return `${source.replace(/\n*$/, '')}\nexport { ${[...values, ...types].join(', ')} } from './resources/${plan.names.name}.js';\n`;
}

/** `src/mocks/index.ts`: the sample and handlers exported, the handlers in `handlers` before the scaffold's own. */
export function wireMocks(source: string, plan: ResourcePlan): string {
  const { ids, names } = plan;
  const exported = [ids.handlers, ...(plan.lastPage !== undefined ? [ids.lastPage] : []), ids.sample].sort();
  const reExport = /^export \{[^}]*\} from '\.\/[^']+';$/;
  let out = insertAfterLast(source, IMPORT, `import { ${ids.handlers} } from './${names.name}.js';`, 'src/mocks/index.ts', 'import');
  const line = `export { ${exported.join(', ')} } from './${names.name}.js';`;
  out = insertAfterLast(out, out.split('\n').some((l) => reExport.test(l)) ? reExport : IMPORT, line, 'src/mocks/index.ts', 'import');
  const start = /^export const handlers(: [^=]+)? = \[$/m.exec(out);
  if (!start) throw usageError('Cannot wire the mocks into src/mocks/index.ts: found no `export const handlers: HttpHandler[] = [` line. Add them by hand.');
  // After the handlers added before this one, so they keep the order they were added in.
  const head = out.slice(0, start.index + start[0].length);
  const tail = out.slice(head.length).split('\n');
  let at = 1;
  while (/^\s+\.\.\.\w+Handlers,$/.test(tail[at] ?? '')) at += 1;
  tail.splice(at, 0, `  ...${ids.handlers},`);
  return head + tail.join('\n');
}

/** `src/metadata.ts`: the resource in the registry record's `resources`, its method in `operations`. */
export function wireMetadata(source: string, plan: ResourcePlan): string {
  const resources = /resources: \[([^\]]*)\]/;
  const match = resources.exec(source);
  if (!match) throw usageError('Cannot add the resource to src/metadata.ts: found no `resources: [...]`. Add it by hand.');
  const existing = (match[1] ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const out = source.replace(resources, `resources: [${[...existing, `'${plan.names.name}'`].join(', ')}]`);
  const declaration = `    { name: '${plan.names.camel}.${plan.method}', kind: 'read', idempotent: true, shape: '${plan.isList ? 'paginated' : 'single'}' },`;
  return insertAfterLast(out, /^\s+operations: \[$/, declaration, 'src/metadata.ts', '`operations: [` line');
}

/** `test/conformance.test.ts`: a sample invocation of the new method, so the kit runs it under faults. */
export function wireConformance(source: string, plan: ResourcePlan): string {
  const args = [...plan.pathParams.map(() => "'abc123'"), ...(hasQuery(plan) ? ['{}'] : []), 'options'].join(', ');
  const call = `client.${plan.names.camel}.${plan.method}(${args})${plan.isList ? '.toArray({ limit: 1_000 })' : ''}`;
  const line = `    { name: '${plan.names.camel}.${plan.method}', invoke: (client, options) => ${call} },`;
  return insertAfterLast(source, /^\s+operations: \[$/, line, 'test/conformance.test.ts', '`operations: [` line');
}
