import { http } from 'msw';
import type { CoreOptions } from '../connector/connector-options.js';
import { isConnectorError } from '../errors/guards.js';
import { check, describeError, NotApplicable, type ConformanceConnector, type RuleContext } from './conformance-support.js';
import { floorMs, waitUnder } from './limit-model.js';
import { rateLimitedAnswer } from './operation-faults.js';
import { connectorMetadataSchema } from '../metadata/connector-metadata.js';
import { safeParse } from '../schema/zod.js';
import type { Stream, StreamPage } from '../streams/stream.js';

/** The first page of a stream read from the start (undefined when the mocks serve none). */
async function firstPage(stream: Stream): Promise<StreamPage | undefined> {
  const controller = new AbortController();
  try {
    const params = Object.fromEntries(Object.entries(stream.params ?? {}).map(([name, p]) => [name, p.example]));
    for await (const page of stream.read({ checkpoint: null, params, signal: controller.signal })) return page;
    return undefined;
  } finally {
    controller.abort();
  }
}

export interface DeclarationRule {
  id: string;
  title: string;
  run: (ctx: RuleContext<ConformanceConnector>) => Promise<void>;
}

/** Methods every connector has from BaseConnector or Object: not operations of the API. */
const LIFECYCLE = new Set(['constructor', 'initialize', 'connect', 'disconnect', 'isConnected', 'ping', 'on', 'circuitState', 'configSchema', 'httpOptions', 'streams']);
/** Fields core's BaseConnector holds: not resources. */
const INTERNAL_FIELDS = new Set(['http', 'config', 'connectorEvents', 'coreSubscriptions', 'client', 'name']);

function methodsOf(value: object): string[] {
  const names = new Set<string>();
  // A plain object's functions are its methods; a class instance's own function fields are injected
  // dependencies (`http: () => this.http`), its methods live on the prototype.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Object.keys(value)) if (typeof (value as Record<string, unknown>)[key] === 'function') names.add(key);
  }
  for (let proto = Object.getPrototypeOf(value) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (proto.constructor?.name === 'BaseConnector') break;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (typeof descriptor?.value === 'function' && !LIFECYCLE.has(key)) names.add(key);
    }
  }
  return [...names].filter((n) => !n.startsWith('_'));
}

/**
 * The connector's public methods as `resource.method` (and `method` for its own), found by walking the instance:
 * every object-valued field is a resource (one level of nesting: `crm.contacts`).
 */
export function publicOperations(connector: object): string[] {
  const out = methodsOf(connector);
  const visit = (prefix: string, value: unknown, depth: number): void => {
    if (depth > 2 || value === null || Array.isArray(value)) return;
    if (typeof value === 'function') {
      // A callable resource (`oneCall(...)` with `oneCall.at(...)`): the call itself and its own methods.
      out.push(prefix);
      for (const [key, child] of Object.entries(value)) if (typeof child === 'function') out.push(`${prefix}.${key}`);
      return;
    }
    if (typeof value !== 'object') return;
    for (const m of methodsOf(value)) out.push(`${prefix}.${m}`);
    // Nested resources (`contacts.batch.read`); a class instance's own function fields are dependencies, not resources.
    for (const [key, child] of Object.entries(value)) if (typeof child === 'object' && !key.startsWith('_')) visit(`${prefix}.${key}`, child, depth + 1);
  };
  for (const [key, value] of Object.entries(connector)) if (!INTERNAL_FIELDS.has(key) && !key.startsWith('_')) visit(key, value, 1);
  return [...new Set(out)].sort();
}

/**
 * The rules that check a connector's metadata against the connector itself: every public method declared with a
 * sample invocation, the limit model, the credential, and the streams.
 */
export const DECLARATION_RULES: readonly DeclarationRule[] = [
  {
    id: 'declares-operations',
    title: 'every public method is declared (kind, idempotency, shape) and has a sample invocation',
    async run({ subject, connector }) {
      // defineMetadata does not validate (it would cost every import): the kit does, as the registry build does.
      const valid = subject.metadata === undefined ? { success: true as const, error: undefined } : safeParse(connectorMetadataSchema, subject.metadata);
      check(valid.success, `metadata does not match connectorMetadataSchema: ${valid.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const declared = subject.metadata?.operations;
      check(declared && declared.length > 0, 'declare metadata.operations: every public method with its kind (read/write), idempotent, and shape (single/paginated/stream)');
      const names = new Set(declared.map((o) => o.name));
      const undeclared = publicOperations(connector).filter((m) => !names.has(m));
      check(undeclared.length === 0, `public methods not declared in metadata.operations: ${undeclared.join(', ')}`);
      const invoked = new Set((subject.operations ?? []).map((o) => o.name));
      const missing = declared.map((o) => o.name).filter((n) => !invoked.has(n));
      check(missing.length === 0, `declared operations without a sample invocation in the conformance subject: ${missing.join(', ')}`);
      const unknown = [...invoked].filter((n) => !names.has(n));
      check(unknown.length === 0, `invocations of operations that are not declared: ${unknown.join(', ')}`);
    },
  },
  {
    id: 'declares-limit-model',
    title: "the API's limit model is declared: windows, the rate-limit answer, the source",
    async run({ subject }) {
      const model = subject.metadata?.limitModel;
      check(model, "declare metadata.limitModel: the API's windows, how it answers when rate limited (status, headers, body), and the documentation link");
    },
  },
  {
    id: 'declares-streams',
    title: 'its streams are declared, bound, and their first page matches the declared key and schema',
    async run({ subject, connector }) {
      const declared = subject.metadata?.streams;
      const bind = (connector as { streams?: () => Stream[] }).streams;
      if (declared === undefined || declared.length === 0) {
        check(typeof bind !== 'function' || bind.call(connector).length === 0, 'streams() returns streams that metadata.streams does not declare');
        throw new NotApplicable('the connector declares no streams (metadata.streams)');
      }
      check(typeof bind === 'function', 'metadata.streams is declared but the connector has no streams() method');
      const streams = bind.call(connector);
      const operations = new Set((subject.metadata?.operations ?? []).map((o) => o.name));
      const bound = streams.map((s) => s.name).sort();
      const names = declared.map((d) => d.name).sort();
      check(JSON.stringify(bound) === JSON.stringify(names), `streams() returns [${bound.join(', ')}] but metadata.streams declares [${names.join(', ')}]`);
      for (const declaration of declared) {
        const stream = streams.find((s) => s.name === declaration.name)!;
        for (const field of ['primaryKey', 'syncMode', 'cursorField', 'deletedField', 'operation', 'params'] as const) {
          check(
            JSON.stringify(stream[field]) === JSON.stringify(declaration[field]),
            `stream ${declaration.name}: its ${field} (${JSON.stringify(stream[field])}) differs from metadata.streams (${JSON.stringify(declaration[field])}): bind the streams with defineStreams(metadata.streams, …)`,
          );
        }
      }
      for (const stream of streams) {
        check(operations.has(stream.operation), `stream ${stream.name} reads through ${stream.operation}, which metadata.operations does not declare`);
        check(stream.syncMode === 'full-refresh' || stream.cursorField !== undefined, `incremental stream ${stream.name} declares no cursorField`);
        const first = await firstPage(stream);
        if (first === undefined) continue;
        for (const [i, item] of first.items.slice(0, 20).entries()) {
          const parsed = safeParse(stream.schema(), item);
          check(parsed.success, `stream ${stream.name}: record ${i} of the first page does not match its schema: ${parsed.error?.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
          for (const field of [...stream.primaryKey, ...(stream.cursorField !== undefined ? [stream.cursorField] : [])]) {
            const value = (item as Record<string, unknown>)[field];
            check(value !== undefined && value !== null, `stream ${stream.name}: record ${i} has no ${field} (declared as its primary key or cursor)`);
          }
        }
      }
    },
  },
  {
    id: 'declares-credential',
    title: 'where the credential travels is declared, and it travels there',
    async run({ subject, server, connector }) {
      const credential = subject.metadata?.credential;
      check(credential, "declare metadata.credential: { in: 'header' | 'query' | 'none', name }");
      if (credential.in === 'none') {
        check(!subject.secret, "metadata.credential says 'none' but the subject has a secret");
        throw new NotApplicable('the API takes no credential');
      }
      check(subject.secret, 'the subject declares a credential but gives no `secret` to check for leaks');
      await subject.call(connector, {});
      const name = (credential.name ?? '').toLowerCase();
      const carried = server.requests.some((r) => (credential.in === 'header' ? Object.entries(r.headers).some(([k, v]) => k === name && v.includes(subject.secret ?? '\u0000')) : r.query.get(credential.name ?? '') === subject.secret));
      check(carried, `the credential did not travel in the ${credential.in} "${credential.name ?? '?'}"`);
    },
  },
  {
    id: 'limit-burst',
    title: "a burst of reads under the API's declared limits: zero rate-limited answers, at least 0.95 of the floor",
    async run({ subject, server, clock, make }) {
      const model = subject.metadata?.limitModel;
      check(model, 'declare metadata.limitModel so the kit can enforce it');
      const requestWindows = model.windows.filter((w) => w.unit === 'requests');
      if (requestWindows.length === 0) throw new NotApplicable('the API limits cost points, not requests: the connector mock enforces the cost model');
      const reads = (subject.metadata?.operations ?? []).filter((o) => o.kind === 'read' && o.idempotent && o.shape !== 'stream');
      const invocation = (subject.operations ?? []).find((op) => reads.some((r) => r.name === op.name));
      check(invocation, 'declare an idempotent read operation with a sample invocation for the burst');
      // The windows that count this operation's requests.
      const windows = requestWindows.filter((w) => w.appliesTo === undefined || w.appliesTo.includes(invocation.name));
      const tightest = [...windows].sort((a, b) => a.intervalMs - b.intervalMs)[0];
      const target = Math.min(2 * (tightest?.limit ?? 1) + 1, 400);
      const accepted: number[] = [];
      let refused = 0;
      server.resetHandlers();
      server.use(
        http.all('*', () => {
          const t = clock.now();
          const wait = waitUnder(windows, accepted, t);
          if (wait > 0) {
            refused += 1;
            return rateLimitedAnswer(model, Math.ceil(wait / 1000), t);
          }
          accepted.push(t);
          return undefined;
        }),
      );
      // The connector's own limiter, as a user gets it (the kit turns it off for the other rules).
      const connector = make({ rateLimit: undefined } as unknown as CoreOptions);
      const t0 = clock.now();
      try {
        while (accepted.length < target) {
          const before = accepted.length;
          await invocation.invoke(connector, {}).catch((error: unknown) => {
            throw new Error(`the read failed during the burst: ${isConnectorError(error) ? describeError(error) : String(error)}`);
          });
          check(accepted.length > before || refused > 0, 'the read sent no request');
        }
      } finally {
        await connector.disconnect();
      }
      const elapsed = clock.now() - t0;
      const floor = floorMs(windows, accepted.length);
      check(refused === 0, `${refused} request(s) met the API's rate-limit answer: the connector sent past its declared limits`);
      const ratio = elapsed === 0 ? 1 : floor / elapsed;
      check(ratio >= 0.95, `${accepted.length} requests took ${elapsed} ms of API time; the declared limits allow ${floor} ms (${ratio.toFixed(2)} of the floor, below 0.95)`);
    },
  },
  {
    id: 'no-handles-after-disconnect',
    title: 'after disconnect() no socket or timer of the connector is left',
    async run({ subject, make, server }) {
      const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
      const sample = (): [number, number] => [server.openConnections, timers()];
      // Earlier cases' sockets close a tick after their connectors: start from a settled baseline.
      const before = await settle(sample, (a, b) => a[0] === b[0] && a[1] === b[1]);
      const connector = make({ rateLimit: undefined } as unknown as CoreOptions);
      await subject.call(connector, {});
      await connector.disconnect();
      const after = await settle(sample, (now) => now[0] <= before[0] && now[1] <= before[1], 2_000);
      const left = [
        ...(after[0] > before[0] ? [`${after[0] - before[0]} open connection(s) to the API`] : []),
        ...(after[1] > before[1] ? [`${after[1] - before[1]} timer(s)`] : []),
      ];
      check(left.length === 0, `left after disconnect(): ${left.join(', ')} (an unclosed pool, an uncleared timer?)`);
    },
  },
];

/** Samples until `done(previous, current)` holds (or `maxMs` passes), 25 ms apart; returns the last sample. */
async function settle<T>(sample: () => T, done: (current: T, previous: T) => boolean, maxMs = 1_000): Promise<T> {
  const until = Date.now() + maxMs;
  let previous = sample();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const current = sample();
    if (done(current, previous) || Date.now() > until) return current;
    previous = current;
  }
}
