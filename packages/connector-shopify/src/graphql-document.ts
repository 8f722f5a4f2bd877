import { GraphqlSyntaxError, tokenize, type Token } from './graphql-tokenizer.js';

export { GraphqlSyntaxError } from './graphql-tokenizer.js';

/**
 * A small reader for GraphQL executable documents: enough structure to estimate Shopify's query cost,
 * to tell a query from a mutation, and (in the mocks) to route and project responses. It is not a
 * validator: types are not known here, only the shape of the selection.
 */

export class VariableRef {
  constructor(readonly name: string) {}
}

export type ArgValue = string | number | boolean | null | VariableRef | ArgValue[] | { [key: string]: ArgValue };

export interface FieldSelection {
  kind: 'field';
  alias: string | undefined;
  name: string;
  args: Record<string, ArgValue>;
  selections: Selection[] | undefined;
}

export interface InlineFragment {
  kind: 'inline';
  typeCondition: string | undefined;
  selections: Selection[];
}

export interface FragmentSpread {
  kind: 'spread';
  name: string;
}

export type Selection = FieldSelection | InlineFragment | FragmentSpread;

export interface OperationDefinition {
  operation: 'query' | 'mutation' | 'subscription';
  name: string | undefined;
  selections: Selection[];
}

/** A parsed GraphQL document: its operations and its fragments by name (what cost estimation reads). */
export interface GraphqlDocument {
  /** The operations, in document order. */
  operations: OperationDefinition[];
  /** The fragment definitions by name: their type condition and selections. */
  fragments: Map<string, { typeCondition: string; selections: Selection[] }>;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private is(value: string): boolean {
    const t = this.peek();
    return (t.kind === 'punct' || t.kind === 'name') && t.value === value;
  }

  private expect(value: string): void {
    const t = this.next();
    if ((t.kind !== 'punct' && t.kind !== 'name') || t.value !== value) {
      throw new GraphqlSyntaxError(`Expected "${value}", found ${describe(t)}`, t.pos);
    }
  }

  private name(): string {
    const t = this.next();
    if (t.kind !== 'name') throw new GraphqlSyntaxError(`Expected a name, found ${describe(t)}`, t.pos);
    return t.value;
  }

  document(): GraphqlDocument {
    const operations: OperationDefinition[] = [];
    const fragments = new Map<string, { typeCondition: string; selections: Selection[] }>();
    while (this.peek().kind !== 'eof') {
      if (this.is('{')) {
        operations.push({ operation: 'query', name: undefined, selections: this.selectionSet() });
      } else if (this.is('fragment')) {
        this.next();
        const name = this.name();
        this.expect('on');
        const typeCondition = this.name();
        this.directives();
        fragments.set(name, { typeCondition, selections: this.selectionSet() });
      } else if (this.is('query') || this.is('mutation') || this.is('subscription')) {
        const operation = this.name() as OperationDefinition['operation'];
        const name = this.peek().kind === 'name' ? this.name() : undefined;
        if (this.is('(')) this.skipBalanced('(', ')');
        this.directives();
        operations.push({ operation, name, selections: this.selectionSet() });
      } else {
        const t = this.peek();
        throw new GraphqlSyntaxError(`Expected an operation or fragment, found ${describe(t)}`, t.pos);
      }
    }
    if (operations.length === 0) throw new GraphqlSyntaxError('The document has no operation', 0);
    return { operations, fragments };
  }

  /** A bare selection set body (`id title variants(first: 5) { nodes { id } }`), as a user passes `fields`. */
  selectionBody(): Selection[] {
    const selections: Selection[] = [];
    while (this.peek().kind !== 'eof') selections.push(this.selection());
    if (selections.length === 0) throw new GraphqlSyntaxError('The selection is empty', 0);
    return selections;
  }

  private selectionSet(): Selection[] {
    this.expect('{');
    const selections: Selection[] = [];
    while (!this.is('}')) {
      if (this.peek().kind === 'eof') throw new GraphqlSyntaxError('Unclosed "{"', this.peek().pos);
      selections.push(this.selection());
    }
    this.next();
    if (selections.length === 0) throw new GraphqlSyntaxError('A selection set must not be empty', this.peek().pos);
    return selections;
  }

  private selection(): Selection {
    if (this.is('...')) {
      this.next();
      if (this.is('on')) {
        this.next();
        const typeCondition = this.name();
        this.directives();
        return { kind: 'inline', typeCondition, selections: this.selectionSet() };
      }
      if (this.is('{') || this.is('@')) {
        this.directives();
        return { kind: 'inline', typeCondition: undefined, selections: this.selectionSet() };
      }
      const name = this.name();
      this.directives();
      return { kind: 'spread', name };
    }
    let alias: string | undefined;
    let name = this.name();
    if (this.is(':')) {
      this.next();
      alias = name;
      name = this.name();
    }
    const args = this.is('(') ? this.arguments() : {};
    this.directives();
    const selections = this.is('{') ? this.selectionSet() : undefined;
    return { kind: 'field', alias, name, args, selections };
  }

  private arguments(): Record<string, ArgValue> {
    this.expect('(');
    const args: Record<string, ArgValue> = {};
    while (!this.is(')')) {
      if (this.peek().kind === 'eof') throw new GraphqlSyntaxError('Unclosed "("', this.peek().pos);
      const name = this.name();
      this.expect(':');
      args[name] = this.value();
    }
    this.next();
    return args;
  }

  private value(): ArgValue {
    const t = this.next();
    if (t.kind === 'number' || t.kind === 'string') return t.value;
    if (t.kind === 'name') {
      if (t.value === 'true') return true;
      if (t.value === 'false') return false;
      if (t.value === 'null') return null;
      return t.value;
    }
    if (t.kind === 'punct' && t.value === '$') return new VariableRef(this.name());
    if (t.kind === 'punct' && t.value === '[') {
      const values: ArgValue[] = [];
      while (!this.is(']')) {
        if (this.peek().kind === 'eof') throw new GraphqlSyntaxError('Unclosed "["', t.pos);
        values.push(this.value());
      }
      this.next();
      return values;
    }
    if (t.kind === 'punct' && t.value === '{') {
      const fields: Record<string, ArgValue> = {};
      while (!this.is('}')) {
        if (this.peek().kind === 'eof') throw new GraphqlSyntaxError('Unclosed "{"', t.pos);
        const key = this.name();
        this.expect(':');
        fields[key] = this.value();
      }
      this.next();
      return fields;
    }
    throw new GraphqlSyntaxError(`Expected a value, found ${describe(t)}`, t.pos);
  }

  private directives(): void {
    while (this.is('@')) {
      this.next();
      this.name();
      if (this.is('(')) this.arguments();
    }
  }

  private skipBalanced(open: string, close: string): void {
    const start = this.peek().pos;
    let depth = 0;
    do {
      const t = this.next();
      if (t.kind === 'eof') throw new GraphqlSyntaxError(`Unclosed "${open}"`, start);
      if (t.kind === 'punct' && t.value === open) depth += 1;
      if (t.kind === 'punct' && t.value === close) depth -= 1;
    } while (depth > 0);
  }
}

function describe(t: Token): string {
  return t.kind === 'eof' ? 'the end of the document' : `"${String(t.value)}"`;
}

/** Reads a GraphQL document. Throws GraphqlSyntaxError. */
export function parseDocument(source: string): GraphqlDocument {
  return new Parser(tokenize(source)).document();
}

/** Reads a selection-set body (without the outer braces), as passed in a resource's `fields` option. */
export function parseSelection(source: string): Selection[] {
  return new Parser(tokenize(source)).selectionBody();
}

/** Picks the operation to run: the named one, or the only one. */
export function selectOperation(doc: GraphqlDocument, operationName?: string): OperationDefinition | undefined {
  if (operationName !== undefined) return doc.operations.find((op) => op.name === operationName);
  return doc.operations.length === 1 ? doc.operations[0] : undefined;
}

/** An argument's value with variables filled in. */
export function resolveArg(value: ArgValue | undefined, variables: Record<string, unknown> | undefined): unknown {
  if (value instanceof VariableRef) return variables?.[value.name];
  if (Array.isArray(value)) return value.map((v) => resolveArg(v, variables));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveArg(v, variables)]));
  }
  return value;
}
