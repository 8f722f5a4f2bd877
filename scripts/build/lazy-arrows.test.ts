import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lazyArrows } from './lazy-arrows';

/** Imports `code` as an ES module (a data: URL) and returns its namespace. */
async function load(code: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
}

/** The arrows lazyArrows would still rewrite: none, in its own output. */
const rewritable = (code: string): number => lazyArrows(code).rewritten;

describe('lazyArrows: top-level arrow functions become function expressions', () => {
  it('rewrites arrows in declarations, call arguments, object literals and default exports', () => {
    const source = [
      'export const add = (a, b) => a + b;',
      'const box = (f) => f;',
      'export const boxed = box((x) => { return x * 2; });',
      'export const table = { twice: (x) => x * 2, wait: async (ms) => ms };',
      'export default (x = 1, ...rest) => [x, rest];',
    ].join('\n');
    const out = lazyArrows(source);
    expect(out.rewritten).toBe(6);
    expect(out.kept).toBe(0);
    expect(out.code).not.toContain('=>');
    expect(out.code).toContain('export const add = function(a, b) { return a + b; };');
    expect(out.code).toContain('async function(ms) { return ms; }');
    expect(out.code).toContain('export default function(x = 1, ...rest) { return [x, rest]; };');
  });

  it('returns what the arrow returned: object literals, sequences and parenthesized bodies', async () => {
    const source = [
      'let n = 0;',
      'export const object = (a) => ({ a, b: [a] });',
      'export const sequence = () => (n++, n);',
      'export const nested = (x) => ((x + 1));',
      'export const conditional = (x) => x ? "yes" : "no";',
      'export const curried = (a) => (b) => a - b;',
    ].join('\n');
    const before = await load(source);
    const out = lazyArrows(source);
    const after = await load(out.code);
    expect(out.rewritten).toBe(5);
    for (const ns of [before, after]) {
      expect((ns.object as (a: number) => unknown)(1)).toEqual({ a: 1, b: [1] });
      expect((ns.sequence as () => number)()).toBe(1);
      expect((ns.nested as (x: number) => number)(1)).toBe(2);
      expect((ns.conditional as (x: number) => string)(0)).toBe('no');
      expect((ns.curried as (a: number) => (b: number) => number)(5)(3)).toBe(2);
    }
  });

  it('keeps the names the arrows were given', async () => {
    const out = lazyArrows('export const named = () => 1;\nexport const holder = { inner: () => 2 };');
    const ns = await load(out.code);
    expect((ns.named as () => number).name).toBe('named');
    expect((ns.holder as { inner: () => number }).inner.name).toBe('inner');
  });

  it('wraps an arrow that starts an expression statement, which would otherwise read as a declaration', async () => {
    const source = 'export let seen = [];\n(() => seen.push(1))();\nx => x;\nasync () => 1, seen.push(2);\n';
    const out = lazyArrows(source);
    expect(out.rewritten).toBe(3);
    expect(out.code).toContain('(function(x) { return x; });');
    expect(out.code).toContain('(async function() { return 1; }), seen.push(2);');
    expect((await load(out.code)).seen).toEqual([1, 2]);
  });

  it('keeps arrows that use their surroundings: this, arguments, super, new.target', () => {
    const source = [
      'export const self = () => this;',
      'export const args = () => arguments;',
      'export function outer() { return () => new.target; }',
      'export const deep = () => { return [1].map(() => this); };',
      'export const inDefault = (x = this) => x;',
      'export const obj = { base() { return 1; }, derived() { return 2; } };',
      'export const meta = () => import.meta.url;',
    ].join('\n');
    // `arguments` at a module's top level is only a syntax error in strict code evaluated as such; acorn allows
    // reading an identifier so named, and the rule is the same: such an arrow is kept.
    const out = lazyArrows(source);
    expect(out.kept).toBe(4);
    expect(out.rewritten).toBe(1); // `meta`: import.meta is the module's, the same inside a function
    expect(out.code).toContain('export const self = () => this;');
    expect(out.code).toContain('export const deep = () => { return [1].map(() => this); };');
    expect(out.code).toContain('export const inDefault = (x = this) => x;');
  });

  it('leaves arrows inside functions, methods, classes and static blocks alone (V8 compiles those lazily already)', () => {
    const source = [
      'export function f() { return () => 1; }',
      'export const g = function () { return () => 2; };',
      'export const o = { m() { return () => 3; }, get p() { return () => 4; } };',
      'export class C { field = () => 5; static s = () => 6; static { this.t = () => 7; } method() { return () => 8; } }',
    ].join('\n');
    const out = lazyArrows(source);
    expect(out.rewritten).toBe(0);
    expect(out.code).toBe(source);
  });

  it('rewrites an arrow in a class\'s extends clause, which runs in the module\'s scope', () => {
    const out = lazyArrows('const key = (k) => k;\nexport class D extends (() => Object)() { [key("a")]() { return 1; } }');
    expect(out.rewritten).toBe(2);
    expect(rewritable(out.code)).toBe(0);
  });

  it('rewrites the outer arrow only: arrows inside it are inside a function afterwards', () => {
    const out = lazyArrows('export const outer = (xs) => xs.map((x) => x + 1);');
    expect(out.rewritten).toBe(1);
    expect(out.code).toBe('export const outer = function(xs) { return xs.map((x) => x + 1); };');
  });

  it('reads CommonJS as a script', async () => {
    const out = lazyArrows('"use strict";\nconst twice = (x) => x * 2;\nmodule.exports = { twice };', { sourceType: 'script' });
    expect(out.rewritten).toBe(1);
    const module = { exports: {} as { twice?: (x: number) => number } };
    runInNewContext(out.code, { module });
    expect(module.exports.twice?.(4)).toBe(8);
  });

  it('answers code it cannot parse with the parser\'s SyntaxError, naming the position', () => {
    expect(() => lazyArrows('export const broken = (a => ;')).toThrow(SyntaxError);
    expect(() => lazyArrows('export const broken = (a => ;')).toThrow(/\(1:/);
  });

  it('maps every unchanged character of a rewritten body back to where it was', () => {
    const source = 'export const f = (a) => {\n  const b = a * 2;\n  throw new Error(String(b));\n};\nexport const g = (x) => x.y.z;\n';
    const out = lazyArrows(source, { file: 'chunk.js' });
    const trace = new TraceMap(out.map as never);
    const at = (needle: string): { line: number; column: number } => {
      const index = out.code.indexOf(needle);
      const lines = out.code.slice(0, index).split('\n');
      return { line: lines.length, column: lines.at(-1)!.length };
    };
    const where = (needle: string) => {
      const original = originalPositionFor(trace, at(needle));
      return { source: original.source, line: original.line, column: original.column };
    };
    expect(where('throw new Error')).toEqual({ source: 'chunk.js', line: 3, column: 2 });
    expect(where('x.y.z')).toEqual({ source: 'chunk.js', line: 5, column: 24 });
    expect(where('const b')).toEqual({ source: 'chunk.js', line: 2, column: 2 });
  });
});
