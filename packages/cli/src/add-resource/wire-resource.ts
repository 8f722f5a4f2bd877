import { addResourceError } from './add-resource-error.js';
import { hasQuery } from './render-resource.js';
import { mergeImport } from './ts-imports.js';
import type { ResourcePlan } from './resource-plan.js';

/** Inserts `text` after the last line matching `anchor`, or fails naming what it looked for in which file. */
function insertAfterLast(source: string, anchor: RegExp, text: string, file: string, what: string): string {
  const lines = source.split('\n');
  const index = lines.map((line, i) => (anchor.test(line) ? i : -1)).filter((i) => i >= 0).pop();
  if (index === undefined) throw addResourceError('CANNOT_WIRE', `Cannot wire the resource into ${file}: found no ${what} (the \`cf new\` layout has one). Add it by hand.`);
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
  if (plan.existing) return noteMethod(source, plan);
  if (new RegExp(`readonly ${names.camel}[:;\\s]`).test(source)) throw addResourceError('RESOURCE_CONFLICT', `${file} already has a "${names.camel}" property.`);
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

/** The property's JSDoc lists the resource's methods: `/** Orders: \`list()\`, \`get()\`. *\/`. */
function noteMethod(source: string, plan: ResourcePlan): string {
  const doc = new RegExp(`^( {2}/\\*\\* ${plan.names.pascal}: .*?)\\. \\*/\\n {2}readonly ${plan.names.camel}: `, 'm');
  return source.replace(doc, (line, head: string) => line.replace(`${head}.`, `${head}, \`${plan.method}()\`.`));
}

/** `src/index.ts`: the resource class (when new), the method's schemas and types. */
export function wireIndex(source: string, plan: ResourcePlan): string {
  const { ids } = plan;
  const hasResponse = plan.sample !== undefined;
  const values = [
    ...(plan.existing ? [] : [ids.resourceClass]),
    ...(hasResponse ? [ids.itemSchema] : []),
    ...(hasResponse && plan.isList ? [ids.pageSchema] : []),
    ...(plan.requestShape ? [ids.inputSchema] : []),
  ];
  const types = [
    ...(hasResponse ? [ids.item] : []),
    ...(plan.isList ? [ids.page] : []),
    ...(plan.isList && plan.style !== 'none' ? [ids.query] : []),
    ...(plan.requestShape ? [ids.input] : []),
  ].map((t) => `type ${t}`);
  if (values.length + types.length === 0) return source;
  return `${source.replace(/\n*$/, '')}\nexport { ${[...values, ...types].join(', ')} } from './resources/${plan.names.name}.js';\n`;
}

/** `src/mocks/index.ts`: the sample and handlers exported, the handlers in `handlers` before the scaffold's own. */
export function wireMocks(source: string, plan: ResourcePlan): string {
  const { ids, names } = plan;
  const fixtures = [
    ...(plan.sample !== undefined ? [ids.sample] : []),
    ...(plan.samples.length > 1 ? [ids.samples] : []),
    ...(plan.lastPage !== undefined ? [ids.lastPage] : []),
    ...(plan.requestShape ? [ids.request] : []),
  ];
  if (plan.existing) {
    // The handlers are in the resource's array already: export the new fixtures beside the old.
    const reExport = new RegExp(`^export \\{([^}]*)\\} from '\\./${names.name}\\.js';$`, 'm');
    const found = reExport.exec(source);
    if (!found) throw addResourceError('CANNOT_WIRE', `Cannot wire the mocks into src/mocks/index.ts: found no \`export { ... } from './${names.name}.js';\` line. Add it by hand.`);
    const names_ = new Set([...(found[1] ?? '').split(',').map((n) => n.trim()).filter((n) => n.length > 0), ...fixtures]);
    return source.replace(found[0], `export { ${[...names_].sort().join(', ')} } from './${names.name}.js';`);
  }
  const exported = [ids.handlers, ...fixtures].sort();
  const reExport = /^export \{[^}]*\} from '\.\/[^']+';$/;
  let out = insertAfterLast(source, IMPORT, `import { ${ids.handlers} } from './${names.name}.js';`, 'src/mocks/index.ts', 'import');
  const line = `export { ${exported.join(', ')} } from './${names.name}.js';`;
  out = insertAfterLast(out, out.split('\n').some((l) => reExport.test(l)) ? reExport : IMPORT, line, 'src/mocks/index.ts', 'import');
  const start = /^export const handlers(: [^=]+)? = \[$/m.exec(out);
  if (!start) throw addResourceError('CANNOT_WIRE', 'Cannot wire the mocks into src/mocks/index.ts: found no `export const handlers: HttpHandler[] = [` line. Add them by hand.');
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
  if (!match) throw addResourceError('CANNOT_WIRE', 'Cannot add the resource to src/metadata.ts: found no `resources: [...]`. Add it by hand.');
  const existing = (match[1] ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const listed = existing.includes(`'${plan.names.name}'`);
  const out = listed ? source : source.replace(resources, `resources: [${[...existing, `'${plan.names.name}'`].join(', ')}]`);
  const declaration = `    { name: '${plan.names.camel}.${plan.method}', kind: '${plan.isWrite ? 'write' : 'read'}', idempotent: ${String(plan.idempotent)}, shape: '${plan.isList ? 'paginated' : 'single'}' },`;
  return insertAfterLast(out, /^\s+operations: \[$/, declaration, 'src/metadata.ts', '`operations: [` line');
}

/** `test/conformance.test.ts`: a sample invocation of the new method, so the kit runs it under faults. */
export function wireConformance(source: string, plan: ResourcePlan): string {
  const args = [...plan.pathParams.map(() => "'abc123'"), ...(hasQuery(plan) ? ['{}'] : []), ...(plan.requestShape ? [plan.ids.request] : []), 'options'].join(', ');
  const call = `client.${plan.names.camel}.${plan.method}(${args})${plan.isList ? '.toArray({ limit: 1_000 })' : ''}`;
  const line = `    { name: '${plan.names.camel}.${plan.method}', invoke: (client, options) => ${call} },`;
  // The request body the mock accepts, from the package's mocks.
  const out = plan.requestShape ? mergeImport(source, '../src/mocks/index.js', [plan.ids.request]) : source;
  return insertAfterLast(out, /^\s+operations: \[$/, line, 'test/conformance.test.ts', '`operations: [` line');
}
