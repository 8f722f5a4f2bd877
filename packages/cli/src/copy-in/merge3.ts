import { diffArrays } from 'diff';

/** The labels written after the conflict markers. */
export interface Merge3Labels {
  /** After `<<<<<<<`. @default 'local' */
  local?: string;
  /** After `|||||||` (diff3 style only). @default 'base' */
  base?: string;
  /** After `>>>>>>>`. @default 'upstream' */
  upstream?: string;
}

/** Options of `merge3`: the markers' labels and the conflict style. */
export interface Merge3Options {
  /** The labels after the markers. @default local, base, upstream */
  labels?: Merge3Labels;
  /** `merge` (git's default: ours and theirs) or `diff3` (the base between them, as `git config merge.conflictStyle diff3`). @default 'diff3' */
  conflictStyle?: 'merge' | 'diff3';
}

/** The outcome of `merge3`: the merged text and how many conflicts it holds. */
export interface Merge3Result {
  /** The merged text; conflicting regions are wrapped in git's conflict markers. */
  text: string;
  /** How many conflicting regions were written. */
  conflicts: number;
}

/**
 * Lines with their terminators (`\n` or `\r\n` stay part of the line), so the merged text keeps every line's ending
 * byte for byte; the last line has none when the text does not end with a newline.
 */
export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** For each line of `base`, the index of the line it is matched to in `other` by a longest common subsequence (or -1). */
function matchLines(base: readonly string[], other: readonly string[]): Int32Array {
  const match = new Int32Array(base.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const change of diffArrays(base as string[], other as string[])) {
    const count = change.count;
    if (change.added) j += count;
    else if (change.removed) i += count;
    else for (let n = 0; n < count; n++) match[i++] = j++;
  }
  return match;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((line, n) => line === b[n]);

/**
 * A three-way line merge, diff3's algorithm (Khanna, Kunal and Pierce, "A formal investigation of diff3"): lines of
 * the base matched in both local and upstream are stable; each region between stable runs is taken from the side that
 * changed it, once when both made the same change, and is a conflict when both changed it differently. As in git,
 * changes on both sides that touch (no unchanged line between them) conflict. Conflicts are written as git writes
 * them: `<<<<<<< local`, (`||||||| base`, the base's lines,) `=======`, `>>>>>>> upstream`, in the file's own line ending.
 */
export function merge3(base: string, local: string, upstream: string, options: Merge3Options = {}): Merge3Result {
  const o = splitLines(base);
  const a = splitLines(local);
  const b = splitLines(upstream);
  const matchA = matchLines(o, a);
  const matchB = matchLines(o, b);
  // Markers take the line ending of the file (its first line), as git's do.
  const eol = (a[0] ?? b[0] ?? o[0] ?? '').endsWith('\r\n') ? '\r\n' : '\n';
  const labels = { local: 'local', base: 'base', upstream: 'upstream', ...options.labels };
  const style = options.conflictStyle ?? 'diff3';

  const out: string[] = [];
  let conflicts = 0;
  /** Appends a conflict section's lines, ending the last one with a newline so the next marker starts a line. */
  const section = (lines: readonly string[]) => {
    for (const line of lines) out.push(line);
    const last = lines.at(-1);
    if (last !== undefined && !last.endsWith('\n')) out.push(eol);
  };
  const unstable = (oLines: string[], aLines: string[], bLines: string[]) => {
    if (same(aLines, oLines)) out.push(...bLines);
    else if (same(bLines, oLines) || same(aLines, bLines)) out.push(...aLines);
    else {
      conflicts++;
      out.push(`<<<<<<< ${labels.local}${eol}`);
      section(aLines);
      if (style === 'diff3') {
        out.push(`||||||| ${labels.base}${eol}`);
        section(oLines);
      }
      out.push(`=======${eol}`);
      section(bLines);
      out.push(`>>>>>>> ${labels.upstream}${eol}`);
    }
  };

  let i = 0;
  let j = 0;
  let k = 0;
  while (i < o.length || j < a.length || k < b.length) {
    // A stable run: the next base line is matched, in order, on both sides.
    if (i < o.length && matchA[i] === j && matchB[i] === k) {
      out.push(a[j] ?? '');
      i++;
      j++;
      k++;
      continue;
    }
    // An unstable region ends at the next base line matched on both sides (or at the ends of all three).
    let end = i;
    while (end < o.length && ((matchA[end] ?? -1) < 0 || (matchB[end] ?? -1) < 0)) end++;
    const aEnd = end < o.length ? (matchA[end] ?? a.length) : a.length;
    const bEnd = end < o.length ? (matchB[end] ?? b.length) : b.length;
    unstable(o.slice(i, end), a.slice(j, aEnd), b.slice(k, bEnd));
    i = end;
    j = aEnd;
    k = bEnd;
  }
  return { text: out.join(''), conflicts };
}
