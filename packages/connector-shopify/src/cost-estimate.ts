import { resolveArg, type GraphqlDocument, type OperationDefinition, type Selection } from './graphql-document.js';

/**
 * Shopify's documented default costs, applied statically the way the API does before execution
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits#cost-calculation):
 * scalars and enums 0, objects 1, a connection 2 plus `first`/`last` times the cost of one item,
 * a mutation 10. Fields with custom costs are not known here, so this is an estimate: the connector
 * replaces it with the server's `requestedQueryCost` once it has seen the operation.
 */
export const MUTATION_COST = 10;
const CONNECTION_BASE_COST = 2;

type Fragments = GraphqlDocument['fragments'];

/**
 * Estimates an operation's cost the way Shopify computes its requested cost before execution: a mutation costs 10 per
 * top-level field; a query's scalars and enums 0, objects 1, connections 2 plus `first`/`last` times one item's cost
 * (variables resolved, fragments followed). An estimate: fields with custom costs are unknown here.
 *
 * @returns the cost in points.
 */
export function estimateOperationCost(op: OperationDefinition, fragments: Fragments, variables: Record<string, unknown> | undefined): number {
  if (op.operation === 'mutation') {
    return op.selections.filter((s) => s.kind === 'field' && s.name !== '__typename').length * MUTATION_COST;
  }
  return selectionsCost(op.selections, fragments, variables, new Set());
}

/** Cost of one item of a connection whose node has this selection (the node object itself included). */
export function itemCost(selections: Selection[], fragments: Fragments, variables?: Record<string, unknown>): number {
  return 1 + selectionsCost(selections, fragments, variables, new Set());
}

function selectionsCost(selections: Selection[], fragments: Fragments, variables: Record<string, unknown> | undefined, seen: Set<string>): number {
  let total = 0;
  let fragmentMax = 0;
  for (const s of selections) {
    if (s.kind === 'field') {
      total += fieldCost(s, fragments, variables, seen);
    } else {
      // An interface or union costs the most expensive of its possible selections.
      let inner: Selection[] | undefined;
      if (s.kind === 'inline') inner = s.selections;
      else if (!seen.has(s.name)) inner = fragments.get(s.name)?.selections;
      if (!inner) continue;
      const next = s.kind === 'spread' ? new Set([...seen, s.name]) : seen;
      fragmentMax = Math.max(fragmentMax, selectionsCost(inner, fragments, variables, next));
    }
  }
  return total + fragmentMax;
}

function fieldCost(field: Selection & { kind: 'field' }, fragments: Fragments, variables: Record<string, unknown> | undefined, seen: Set<string>): number {
  if (!field.selections) return 0;
  const size = connectionSize(field, variables);
  if (size === undefined) return 1 + selectionsCost(field.selections, fragments, variables, seen);
  let perItem = 0;
  for (const child of field.selections) {
    if (child.kind !== 'field' || !child.selections) continue;
    if (child.name === 'nodes') perItem = Math.max(perItem, 1 + selectionsCost(child.selections, fragments, variables, seen));
    if (child.name === 'edges') {
      for (const edgeField of child.selections) {
        if (edgeField.kind === 'field' && edgeField.name === 'node' && edgeField.selections) {
          perItem = Math.max(perItem, 1 + selectionsCost(edgeField.selections, fragments, variables, seen));
        }
      }
    }
  }
  return CONNECTION_BASE_COST + size * Math.max(perItem, 1);
}

/** `first` or `last` of a connection field, resolved; undefined when the field is not sized. */
function connectionSize(field: Selection & { kind: 'field' }, variables: Record<string, unknown> | undefined): number | undefined {
  for (const arg of ['first', 'last']) {
    if (!(arg in field.args)) continue;
    const value = resolveArg(field.args[arg], variables);
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return undefined;
}
