import { describe, expect, it } from 'vitest';
import { merge3, splitLines } from '../src/copy-in/merge3.js';

const lines = (...l: string[]) => l.map((s) => `${s}\n`).join('');
const BASE = lines('a', 'b', 'c', 'd', 'e', 'f', 'g');

describe('merge3: a three-way line merge', () => {
  it('takes the side that changed', () => {
    const upstream = lines('a', 'b', 'C', 'd', 'e', 'f', 'g');
    expect(merge3(BASE, BASE, upstream)).toEqual({ text: upstream, conflicts: 0 });
    expect(merge3(BASE, upstream, BASE)).toEqual({ text: upstream, conflicts: 0 });
    expect(merge3(BASE, BASE, BASE)).toEqual({ text: BASE, conflicts: 0 });
  });

  it('merges non-overlapping changes in the same file (both present)', () => {
    const local = lines('a', 'B', 'c', 'd', 'e', 'f', 'g');
    const upstream = lines('a', 'b', 'c', 'd', 'e', 'F', 'g');
    expect(merge3(BASE, local, upstream)).toEqual({ text: lines('a', 'B', 'c', 'd', 'e', 'F', 'g'), conflicts: 0 });
  });

  it('merges an insertion at the start with one at the end', () => {
    const local = lines('start', ...'abcdefg');
    const upstream = lines(...'abcdefg', 'end');
    expect(merge3(BASE, local, upstream)).toEqual({ text: lines('start', ...'abcdefg', 'end'), conflicts: 0 });
    expect(merge3(BASE, upstream, local)).toEqual({ text: lines('start', ...'abcdefg', 'end'), conflicts: 0 });
  });

  it('conflicts when both insert different lines at the start, or at the end', () => {
    expect(merge3(BASE, lines('mine', ...'abcdefg'), lines('theirs', ...'abcdefg'), { conflictStyle: 'merge' })).toEqual({
      text: lines('<<<<<<< local', 'mine', '=======', 'theirs', '>>>>>>> upstream', ...'abcdefg'),
      conflicts: 1,
    });
    expect(merge3(BASE, lines(...'abcdefg', 'mine'), lines(...'abcdefg', 'theirs')).text).toBe(
      lines(...'abcdefg', '<<<<<<< local', 'mine', '||||||| base', '=======', 'theirs', '>>>>>>> upstream'),
    );
  });

  it('takes an identical change on both sides once', () => {
    const both = lines('a', 'b', 'X', 'd', 'e', 'f', 'g', 'h');
    expect(merge3(BASE, both, both)).toEqual({ text: both, conflicts: 0 });
    // The same change plus a separate one on one side.
    const local = lines('A', 'b', 'X', 'd', 'e', 'f', 'g');
    const upstream = lines('a', 'b', 'X', 'd', 'e', 'f', 'g');
    expect(merge3(BASE, local, upstream)).toEqual({ text: local, conflicts: 0 });
  });

  it('conflicts on overlapping changes, git style, with the base in diff3 style and the labels given', () => {
    const local = lines('a', 'b', 'mine', 'd', 'e', 'f', 'g');
    const upstream = lines('a', 'b', 'theirs', 'd', 'e', 'F', 'g');
    const labels = { local: 'local', base: 'base 1.0.0', upstream: 'upstream 1.1.0' };
    expect(merge3(BASE, local, upstream, { labels })).toEqual({
      text: lines('a', 'b', '<<<<<<< local', 'mine', '||||||| base 1.0.0', 'c', '=======', 'theirs', '>>>>>>> upstream 1.1.0', 'd', 'e', 'F', 'g'),
      conflicts: 1,
    });
    expect(merge3(BASE, local, upstream, { labels, conflictStyle: 'merge' }).text).toBe(
      lines('a', 'b', '<<<<<<< local', 'mine', '=======', 'theirs', '>>>>>>> upstream 1.1.0', 'd', 'e', 'F', 'g'),
    );
  });

  it('conflicts on adjacent changes (no unchanged line between them), as git does, and merges once one line separates them', () => {
    const adjacent = merge3(BASE, lines('a', 'b', 'C', 'd', 'e', 'f', 'g'), lines('a', 'b', 'c', 'D', 'e', 'f', 'g'), { conflictStyle: 'merge' });
    expect(adjacent).toEqual({ text: lines('a', 'b', '<<<<<<< local', 'C', 'd', '=======', 'c', 'D', '>>>>>>> upstream', 'e', 'f', 'g'), conflicts: 1 });
    const apart = merge3(BASE, lines('a', 'b', 'C', 'd', 'e', 'f', 'g'), lines('a', 'b', 'c', 'd', 'E', 'f', 'g'));
    expect(apart).toEqual({ text: lines('a', 'b', 'C', 'd', 'E', 'f', 'g'), conflicts: 0 });
  });

  it('counts each conflicting region', () => {
    const local = lines('A1', 'b', 'c', 'd', 'e', 'f', 'G1');
    const upstream = lines('A2', 'b', 'c', 'd', 'e', 'f', 'G2');
    expect(merge3(BASE, local, upstream).conflicts).toBe(2);
  });

  it('merges deletions: one side deletes, the other edits elsewhere', () => {
    const local = lines('a', 'c', 'd', 'e', 'f', 'g');
    const upstream = lines('a', 'b', 'c', 'd', 'e', 'f', 'G');
    expect(merge3(BASE, local, upstream)).toEqual({ text: lines('a', 'c', 'd', 'e', 'f', 'G'), conflicts: 0 });
  });

  it('leaves CRLF line endings untouched, and writes markers in the file’s line ending', () => {
    const crlf = (...l: string[]) => l.map((s) => `${s}\r\n`).join('');
    const base = crlf(...'abcdefg');
    const merged = merge3(base, crlf('A', ...'bcdefg'), crlf(...'abcdef', 'G'));
    expect(merged).toEqual({ text: crlf('A', ...'bcdef', 'G'), conflicts: 0 });
    const conflict = merge3(base, crlf('X', ...'bcdefg'), crlf('Y', ...'bcdefg'), { conflictStyle: 'merge' });
    expect(conflict.text).toBe(crlf('<<<<<<< local', 'X', '=======', 'Y', '>>>>>>> upstream', ...'bcdefg'));
    // A mixed file keeps each line's own ending.
    const mixed = 'a\r\nb\nc\r\nd\n';
    expect(merge3(mixed, mixed.replace('b\n', 'B\n'), mixed.replace('d\n', 'D\n')).text).toBe('a\r\nB\nc\r\nD\n');
  });

  it('handles a last line without a newline, and ends a conflict section with one', () => {
    expect(merge3('a\nb\nc', 'A\nb\nc', 'a\nb\nC')).toEqual({ text: 'A\nb\nC', conflicts: 0 });
    expect(merge3('a\nb', 'a\nX', 'a\nY', { conflictStyle: 'merge' }).text).toBe('a\n<<<<<<< local\nX\n=======\nY\n>>>>>>> upstream\n');
  });

  it('merges against an empty base (both sides added the file)', () => {
    expect(merge3('', 'same\n', 'same\n')).toEqual({ text: 'same\n', conflicts: 0 });
    expect(merge3('', 'x\n', 'y\n', { conflictStyle: 'merge' }).text).toBe('<<<<<<< local\nx\n=======\ny\n>>>>>>> upstream\n');
  });

  it('on random texts: one side unchanged gives the other, the same change on both gives it, and a clean merge only has lines of the three', () => {
    let seed = 19;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const text = (n: number) => Array.from({ length: n }, () => `${'abcde'[random(5)] ?? ''}${random(3) === 0 ? '\r\n' : '\n'}`).join('');
    const edit = (source: string) => {
      const out = splitLines(source);
      for (let e = random(4); e >= 0; e--) out.splice(random(out.length + 1), random(3), ...splitLines(text(random(3))));
      return out.join('');
    };
    for (let round = 0; round < 300; round++) {
      const base = text(random(12));
      const changed = edit(base);
      expect(merge3(base, changed, base)).toEqual({ text: changed, conflicts: 0 });
      expect(merge3(base, base, changed)).toEqual({ text: changed, conflicts: 0 });
      expect(merge3(base, changed, changed)).toEqual({ text: changed, conflicts: 0 });
      // Without conflicts, every line of the result comes from one of the three texts.
      const other = edit(base);
      const merged = merge3(base, changed, other);
      if (merged.conflicts === 0) for (const line of splitLines(merged.text)) expect([base, changed, other].some((t) => splitLines(t).includes(line))).toBe(true);
      else expect(merged.text).toMatch(/^<{7} local\r?\n[\s\S]*^>{7} upstream\r?\n/m);
    }
  });

  it('splits lines keeping their terminators', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\r\nb\nc')).toEqual(['a\r\n', 'b\n', 'c']);
  });
});
