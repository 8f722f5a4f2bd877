/**
 * Shopify's documented static query cost, computed the way the API does before running a query: scalars 0,
 * objects 1, a connection (a field with `first`/`last`) 2 plus its size times the cost of one node; the
 * connection's `pageInfo` is included in its base cost. Enough GraphQL for the documents the bench sends
 * (fields, aliases, arguments, variables, inline fragments); the server refuses anything it cannot read.
 */
export interface Field {
  name: string;
  args: Record<string, string>;
  selections: Field[] | undefined;
}

const TOKEN = /\.\.\.|[{}():,!=$@[\]]|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*/g;

class Parser {
  private readonly tokens: string[];
  private pos = 0;

  constructor(source: string) {
    this.tokens = source.replace(/#[^\n]*/g, '').match(TOKEN) ?? [];
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private next(): string {
    const token = this.tokens[this.pos++];
    if (token === undefined) throw new Error('unexpected end of document');
    return token;
  }

  private expect(token: string): void {
    const got = this.next();
    if (got !== token) throw new Error(`expected "${token}", got "${got}"`);
  }

  /** The root selection of the first operation (variable definitions skipped). */
  operation(): Field[] {
    while (this.peek() !== undefined && this.peek() !== '{') {
      if (this.next() === '(') this.skipBalanced('(', ')');
    }
    return this.selectionSet();
  }

  private skipBalanced(open: string, close: string): void {
    for (let depth = 1; depth > 0; ) {
      const token = this.next();
      if (token === open) depth += 1;
      else if (token === close) depth -= 1;
    }
  }

  private selectionSet(): Field[] {
    this.expect('{');
    const fields: Field[] = [];
    while (this.peek() !== '}') {
      if (this.peek() === '...') {
        this.next();
        if (this.peek() === 'on') {
          this.next();
          this.next();
        }
        fields.push({ name: '...', args: {}, selections: this.selectionSet() });
        continue;
      }
      let name = this.next();
      if (this.peek() === ':') {
        this.next();
        name = this.next();
      }
      const args = this.peek() === '(' ? this.arguments() : {};
      const selections = this.peek() === '{' ? this.selectionSet() : undefined;
      fields.push({ name, args, selections });
    }
    this.expect('}');
    return fields;
  }

  private arguments(): Record<string, string> {
    this.expect('(');
    const args: Record<string, string> = {};
    while (this.peek() !== ')') {
      const name = this.next();
      this.expect(':');
      let value = this.next();
      if (value === '$') value = `$${this.next()}`;
      else if (value === '[') this.skipBalanced('[', ']');
      else if (value === '{') this.skipBalanced('{', '}');
      args[name] = value;
      if (this.peek() === ',') this.next();
    }
    this.expect(')');
    return args;
  }
}

export function parseOperation(document: string): Field[] {
  return new Parser(document).operation();
}

/** An argument's value: a literal number, or the variable it names. */
export function argValue(field: Field, name: string, variables: Record<string, unknown>): unknown {
  const raw = field.args[name];
  if (raw === undefined) return undefined;
  if (raw.startsWith('$')) return variables[raw.slice(1)];
  if (/^-?\d/.test(raw)) return Number(raw);
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  return raw === 'null' ? null : raw;
}

/** The cost of one node of a connection: the node object plus what it selects. */
export function nodeCost(connection: Field, variables: Record<string, unknown>): number {
  let perNode = 1;
  for (const child of connection.selections ?? []) {
    if (child.name === 'nodes' && child.selections) perNode = Math.max(perNode, 1 + selectionCost(child.selections, variables));
    if (child.name === 'edges') {
      for (const edge of child.selections ?? []) {
        if (edge.name === 'node' && edge.selections) perNode = Math.max(perNode, 1 + selectionCost(edge.selections, variables));
      }
    }
  }
  return perNode;
}

export function connectionSize(field: Field, variables: Record<string, unknown>): number | undefined {
  const size = argValue(field, 'first', variables) ?? argValue(field, 'last', variables);
  return typeof size === 'number' ? size : undefined;
}

export function selectionCost(fields: Field[], variables: Record<string, unknown>): number {
  let total = 0;
  for (const field of fields) {
    if (!field.selections) continue;
    if (field.name === '...') {
      total += selectionCost(field.selections, variables);
      continue;
    }
    const size = connectionSize(field, variables);
    total += size === undefined ? 1 + selectionCost(field.selections, variables) : 2 + size * nodeCost(field, variables);
  }
  return total;
}
