import { parse } from 'acorn';
import MagicString, { type SourceMap } from 'magic-string';

/**
 * Why: V8 compiles a function lazily (a quick "preparse" at load, the full parse on its first call), but not an arrow
 * function at a module's top level, outside any function or class: V8 parses those eagerly, body and all, when the
 * module is compiled. Measured on Node 20 and 24 (1,500 small functions in one module: arrows 16–18 ms to import,
 * the same functions written `function () {}` 9.5–10.5 ms; `--log-function-events` shows "parse" for the arrows and
 * "preparse-resolution" for the functions). Core's runtime and a connector have a few hundred such arrows (zod's
 * schema constructors, `const x = (...) => ...` helpers): rewritten, a cold `import` of the Shopify connector costs
 * ~1 ms less (docs/benchmarks.md, import cost).
 *
 * What: every arrow function that is not inside a function or class body and does not use what an arrow takes from
 * its surroundings (`this`, `arguments`, `super`, `new.target`) becomes a function expression with the same
 * parameters and body; a concise body `=> x` becomes `{ return x; }`. Such a function behaves the same when called
 * (it is also constructible and has a `prototype`, which nothing calls an arrow for), and keeps the name the arrow
 * was given (`const f = ...`, `{ f: ... }`). Arrows inside functions are left alone: V8 preparses those anyway.
 */
export interface LazyArrowsResult {
  code: string;
  map: SourceMap;
  /** How many arrows were rewritten. */
  rewritten: number;
  /** How many top-level arrows were kept because they use `this`, `arguments`, `super` or `new.target`. */
  kept: number;
}

type AstNode = { type: string; start: number; end: number; [key: string]: unknown };

const isNode = (value: unknown): value is AstNode => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The child nodes of `node`, in source order. */
function children(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) out.push(item);
    if (isNode(value)) out.push(value);
  }
  return out;
}

/** Functions with their own `this`, `arguments` and `new.target`: what an arrow inside them refers to is theirs. */
const OWN_THIS = new Set(['FunctionExpression', 'FunctionDeclaration']);

/** True when the arrow refers to `this`, `arguments`, `super` or `new.target` of its surroundings. */
function usesSurroundings(arrow: AstNode): boolean {
  const visit = (node: AstNode): boolean => {
    if (node.type === 'ThisExpression' || node.type === 'Super') return true;
    if (node.type === 'Identifier' && node.name === 'arguments') return true;
    if (node.type === 'MetaProperty' && (node.meta as AstNode & { name: string }).name === 'new') return true;
    if (OWN_THIS.has(node.type)) return false;
    // A class body's `this` is its own, except in computed member names (evaluated in the surrounding scope), and
    // its `extends` expression (a child of the class node, not of the body) is visited as usual.
    if (node.type === 'ClassBody') return (node.body as AstNode[]).some((member) => member.computed === true && visit(member.key as AstNode));
    return children(node).some(visit);
  };
  return visit(arrow);
}

/** Rewrites the top-level arrow functions of an ES module or script (see above); the source map maps back to `code`. */
export function lazyArrows(code: string, options: { sourceType?: 'module' | 'script'; file?: string } = {}): LazyArrowsResult {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: options.sourceType ?? 'module' }) as unknown as AstNode;
  const edit = new MagicString(code);
  // A statement that starts with `function` is a declaration: an arrow that begins an expression statement (`x => x;`
  // or `x => x, y;`) is wrapped in parentheses.
  const statementStarts = new Set<number>();
  let rewritten = 0;
  let kept = 0;

  // Only the head (`(a, b) =>`) and, for a concise body, the end change: the body keeps its place in the source map.
  const rewrite = (arrow: AstNode): void => {
    const params = (arrow.params as AstNode[]).map((p) => code.slice(p.start, p.end)).join(', ');
    const body = arrow.body as AstNode;
    const head = `${arrow.async === true ? 'async ' : ''}function(${params}) `;
    const wrap = statementStarts.has(arrow.start);
    if (arrow.expression === true) {
      // `=> (x)`: the head runs to the body's first character, parentheses included, and so does the end.
      edit.overwrite(arrow.start, body.start, `${wrap ? '(' : ''}${head}{ return `);
      const end = `; }${wrap ? ')' : ''}`;
      if (body.end < arrow.end) edit.overwrite(body.end, arrow.end, end);
      else edit.appendLeft(arrow.end, end);
    } else {
      edit.overwrite(arrow.start, body.start, `${wrap ? '(' : ''}${head}`);
      if (wrap) edit.appendLeft(arrow.end, ')');
    }
    rewritten += 1;
  };

  const walk = (node: AstNode): void => {
    if (node.type === 'ArrowFunctionExpression') {
      if (usesSurroundings(node)) kept += 1;
      else rewrite(node);
      // Arrows inside it are inside a function now (or inside one that keeps its surroundings' `this`): V8 preparses
      // them.
      return;
    }
    if (OWN_THIS.has(node.type) || node.type === 'ClassBody' || node.type === 'StaticBlock') return;
    if (node.type === 'ExpressionStatement') statementStarts.add(node.start);
    for (const child of children(node)) walk(child);
  };
  walk(ast);

  const out = edit.toString();
  // The output must still parse as the same kind of source: a mistake here fails the build, not a user's import.
  parse(out, { ecmaVersion: 'latest', sourceType: options.sourceType ?? 'module' });
  // `source` is named as given: tsup composes this map with esbuild's by that name (the chunk's path).
  const map = edit.generateMap({ hires: 'boundary', includeContent: false, ...(options.file === undefined ? {} : { source: options.file }) });
  return { code: out, map, rewritten, kept };
}
