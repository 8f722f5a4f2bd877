/**
 * The part of GitHub's search syntax the mock understands: free words (matched in titles and bodies, or names and
 * descriptions), `qualifier:value` pairs with quoted values, and date ranges (`A..B`, `>=A`, `>A`, `<=A`, `<A`,
 * `A`; a date alone covers its whole day; `*` is open).
 */
export interface SearchQuery {
  words: string[];
  qualifiers: Array<{ name: string; value: string; negated: boolean }>;
  /** Characters of the query without its qualifiers (GitHub allows 256). */
  textLength: number;
}

export function parseSearchQuery(q: string): SearchQuery {
  const tokens = q.match(/-?[A-Za-z_-]+:"[^"]*"|"[^"]*"|\S+/g) ?? [];
  const words: string[] = [];
  const qualifiers: SearchQuery['qualifiers'] = [];
  for (const token of tokens) {
    const m = /^(-?)([A-Za-z_-]+):(.+)$/.exec(token);
    if (m && !m[3]?.startsWith('//')) qualifiers.push({ name: (m[2] ?? '').toLowerCase(), value: (m[3] ?? '').replace(/^"|"$/g, ''), negated: m[1] === '-' });
    else if (!['AND', 'OR', 'NOT'].includes(token)) words.push(token.replace(/^"|"$/g, '').toLowerCase());
  }
  return { words, qualifiers, textLength: words.join(' ').length };
}

const DAY_MS = 86_400_000;

/** A bound: its instant, and whether the value was a bare date (so `<=` covers that whole day). */
function instant(value: string): { ms: number; day: boolean } | undefined {
  if (value === '*') return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!day && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return { ms: Number.NaN, day };
  return { ms: Date.parse(day ? `${value}T00:00:00Z` : value), day };
}

/** `[from, to]` inclusive, in ms, from a date qualifier's value; NaN bounds when unreadable (GitHub then finds nothing). */
export function dateRange(value: string): [number, number] {
  const lo = Number.NEGATIVE_INFINITY;
  const hi = Number.POSITIVE_INFINITY;
  const end = (b: { ms: number; day: boolean } | undefined): number => (b === undefined ? hi : b.day ? b.ms + DAY_MS - 1 : b.ms);
  const startOf = (b: { ms: number; day: boolean } | undefined): number => (b === undefined ? lo : b.ms);
  if (value.includes('..')) {
    const [a = '*', b = '*'] = value.split('..');
    return [startOf(instant(a)), end(instant(b))];
  }
  const op = /^(>=|<=|>|<)(.*)$/.exec(value);
  if (op) {
    const b = instant(op[2] ?? '');
    if (b === undefined) return [lo, hi];
    switch (op[1]) {
      case '>=':
        return [b.ms, hi];
      case '>':
        return [end(b) + 1, hi];
      case '<=':
        return [lo, end(b)];
      default:
        return [lo, b.ms - 1];
    }
  }
  const b = instant(value);
  return [startOf(b), end(b)];
}

export const within = (iso: string, [from, to]: [number, number]): boolean => {
  const t = Date.parse(iso);
  return t >= from && t <= to;
};
