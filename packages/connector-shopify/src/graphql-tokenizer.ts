/** The lexical side of GraphQL: punctuators, names, numbers, strings and block strings; comments and commas skipped. */

/** A syntax error, with the character offset where reading stopped. */
export class GraphqlSyntaxError extends Error {
  constructor(
    message: string,
    /** The character offset (from 0) where reading stopped. */
    readonly position: number,
  ) {
    super(`${message} (at character ${position})`);
  }
}

export type Token =
  | { kind: 'punct'; value: string; pos: number }
  | { kind: 'name'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'eof'; value: ''; pos: number };

const PUNCTUATORS = new Set(['!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ',' || ch === '\uFEFF') {
      i += 1;
    } else if (ch === '#') {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (source.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...', pos: i });
      i += 3;
    } else if (PUNCTUATORS.has(ch)) {
      tokens.push({ kind: 'punct', value: ch, pos: i });
      i += 1;
    } else if (/[_A-Za-z]/.test(ch)) {
      const start = i;
      while (i < n && /[_0-9A-Za-z]/.test(source[i] as string)) i += 1;
      tokens.push({ kind: 'name', value: source.slice(start, i), pos: start });
    } else if (ch === '-' || /[0-9]/.test(ch)) {
      const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i, i + 64));
      if (!match) throw new GraphqlSyntaxError('Invalid number', i);
      tokens.push({ kind: 'number', value: Number(match[0]), pos: i });
      i += match[0].length;
    } else if (source.startsWith('"""', i)) {
      const end = findBlockStringEnd(source, i + 3);
      if (end === -1) throw new GraphqlSyntaxError('Unterminated block string', i);
      tokens.push({ kind: 'string', value: source.slice(i + 3, end).replace(/\\"""/g, '"""'), pos: i });
      i = end + 3;
    } else if (ch === '"') {
      const start = i;
      i += 1;
      let value = '';
      for (;;) {
        if (i >= n || source[i] === '\n' || source[i] === '\r') throw new GraphqlSyntaxError('Unterminated string', start);
        const c = source[i] as string;
        if (c === '"') break;
        if (c === '\\') {
          const next = source[i + 1];
          if (next === 'u') {
            value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          value += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next ?? ''] ?? next ?? '';
          i += 2;
          continue;
        }
        value += c;
        i += 1;
      }
      tokens.push({ kind: 'string', value, pos: start });
      i += 1;
    } else {
      throw new GraphqlSyntaxError(`Unexpected character "${ch}"`, i);
    }
  }
  tokens.push({ kind: 'eof', value: '', pos: n });
  return tokens;
}

function findBlockStringEnd(source: string, from: number): number {
  let i = from;
  for (;;) {
    const end = source.indexOf('"""', i);
    if (end === -1) return -1;
    if (source[end - 1] !== '\\') return end;
    i = end + 3;
  }
}
