import type { ResourcePlan } from './resource-plan.js';

const INTRO = [
  'Every method validates its input before the network (a `VALIDATION_ERROR` naming the field and the rule, no request',
  'sent) and takes core\'s call options last (`signal`, `timeoutMs`, `headers`, `retry`, `idempotencyKey`, `requestId`).',
];

/** `orders.list(customerId, query?)`: how the method is called. */
function callOf(plan: ResourcePlan): string {
  const args = [...plan.pathParams, ...(plan.isList && plan.style !== 'none' ? ['query?'] : []), ...(plan.requestShape ? ['input'] : [])];
  return `\`${plan.names.camel}.${plan.method}(${args.join(', ')})\``;
}

/** What it returns, and for a write whether it is safe to repeat. */
function returnsOf(plan: ResourcePlan): string {
  const value = plan.isList ? `\`Paginated<${plan.ids.item}>\`: \`for await\`, \`.pages()\`, \`.toArray({ limit })\`` : plan.sample === undefined ? 'nothing' : `\`${plan.ids.item}\``;
  if (!plan.isWrite) return value;
  if (plan.idempotent) return `${value}; safe to repeat (retried like a read)`;
  const key = plan.acceptsIdempotencyKey ? ' unless sent with an `idempotencyKey`' : '';
  return `${value}; not idempotent: never resent once it may have reached the API${key} (\`writeOutcome: 'may-have-applied'\`)`;
}

/**
 * The methods a resource file documents with their endpoint (`/** \`GET /items/{id}\`: ... *\/` above the method),
 * as README rows: how the scaffold's example resource and earlier resources are listed when the table is new.
 */
export function documentedMethods(source: string, property: string): string[][] {
  const lines = source.split('\n');
  const rows: string[][] = [];
  lines.forEach((line, i) => {
    const signature = /^ {2}(?:async\s+)?([a-z][A-Za-z0-9]*)\(([^)]*)\): (.+) \{$/.exec(line);
    if (!signature || signature[1] === 'constructor') return;
    let at = i - 1;
    while (at >= 0 && !(lines[at] ?? '').includes('/**') && /^\s*(\*|\/\*\*)/.test(lines[at] ?? '')) at -= 1;
    const doc = lines.slice(Math.max(0, at), i).join(' ');
    const endpoint = /`((?:GET|POST|PUT|PATCH|DELETE) \/[^`]*)`/.exec(doc)?.[1];
    if (endpoint === undefined) return;
    const args = (signature[2] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a.length > 0 && !a.startsWith('options'))
      .map((a) => `${(/^[\w$]+/.exec(a) ?? [''])[0]}${a.includes('=') || /^[\w$]+\?/.test(a) ? '?' : ''}`);
    const returns = (signature[3] ?? '').replace(/^Promise<(.*)>$/, '$1').replace(/^Paginated<([^,>]+)(, [^>]+)?>$/, 'Paginated<$1>');
    rows.push([`\`${property}.${signature[1] ?? ''}(${args.join(', ')})\``, `\`${endpoint}\``, returns === 'void' ? 'nothing' : `\`${returns}\``]);
  });
  return rows;
}

/** A table row with as many cells as the table has columns. */
function row(cells: string[], columns: number): string {
  const fitted = cells.length > columns ? [...cells.slice(0, columns - 1), cells.slice(columns - 1).join('; ')] : [...cells, ...Array<string>(columns - cells.length).fill('')];
  return `| ${fitted.join(' | ')} |`;
}

/**
 * The package's README with the method in its `## Methods` table (the section the repository's connectors have:
 * `| Method | Endpoint | Returns |`), the section added before `## Configuration` when the README has none, listing
 * the `documented` methods (those of the package's resource files) first.
 */
export function wireReadme(source: string, plan: ResourcePlan, documented: readonly string[][] = []): string {
  const cells = [callOf(plan), `\`${plan.httpMethod} ${plan.endpoint}\``, returnsOf(plan)];
  const lines = source.split('\n');
  const heading = lines.findIndex((l) => /^## Methods\b/.test(l));
  if (heading < 0) {
    const section = ['## Methods', '', ...INTRO, '', '| Method | Endpoint | Returns |', '|---|---|---|', ...documented.map((c) => row(c, 3)), row(cells, 3), ''];
    const before = ['## Configuration', '## Errors', '## Limits'].map((h) => lines.findIndex((l) => l.startsWith(h))).find((i) => i >= 0);
    if (before === undefined) return `${source.replace(/\n*$/, '')}\n\n${section.join('\n')}`;
    lines.splice(before, 0, ...section);
    return lines.join('\n');
  }
  const next = lines.findIndex((l, i) => i > heading && /^#{1,2} /.test(l));
  const end = next < 0 ? lines.length : next;
  const tableRows = lines.map((l, i) => (i > heading && i < end && l.startsWith('|') ? i : -1)).filter((i) => i >= 0);
  const header = tableRows[0];
  const last = tableRows[tableRows.length - 1];
  if (header === undefined || last === undefined) {
    lines.splice(end, 0, '| Method | Endpoint | Returns |', '|---|---|---|', row(cells, 3), '');
    return lines.join('\n');
  }
  const columns = (lines[header] ?? '').split('|').length - 2;
  lines.splice(last + 1, 0, row(cells, Math.max(1, columns)));
  return lines.join('\n');
}
