import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { packageRoot, runningFromSource } from './package-root.js';

export const DOCS = {
  specification: { file: 'specification.md', title: 'The connector specification: what core does, rule by rule, with the test pinning each' },
  checklist: { file: 'connector-checklist.md', title: 'What every connector package has' },
} as const;
export type DocName = keyof typeof DOCS;

/**
 * From source, the repository's `docs/` (always current); from the published bundle, the copy the build put in
 * the package (scripts/copy-docs.mjs).
 */
export function readDoc(name: DocName): string {
  const { file } = DOCS[name];
  const repository = join(packageRoot(), '..', '..', 'docs', file);
  const packaged = join(packageRoot(), 'docs', file);
  const candidates = runningFromSource() ? [repository, packaged] : [packaged];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new McpError(ErrorCode.InternalError, `${file} is missing from this installation (looked in ${candidates.join(', ')}).`);
  return readFileSync(found, 'utf8');
}

/** The `## N. Title` sections of a Markdown document. */
export function sections(markdown: string): Array<{ number: string; title: string; text: string }> {
  const parts = markdown.split(/^(?=## )/m).filter((p) => p.startsWith('## '));
  return parts.map((text) => {
    const heading = /^## (?:(\d+)\. )?(.+)$/m.exec(text);
    return { number: heading?.[1] ?? '', title: heading?.[2]?.trim() ?? '', text: text.trimEnd() };
  });
}

/**
 * One section of the specification, by number (`5`) or by words of its title (`rate limiting`, `retry`), or
 * by a conformance rule id it marks (`retry-after`).
 */
export function specificationSection(markdown: string, query: string): string {
  const q = query.trim().toLowerCase().replace(/^§\s*/, '');
  const all = sections(markdown);
  const match =
    all.find((s) => s.number === q) ??
    all.find((s) => s.title.toLowerCase() === q) ??
    all.find((s) => s.title.toLowerCase().includes(q)) ??
    all.find((s) => s.text.includes(`[C: ${q}]`));
  if (!match) {
    const list = all.map((s) => `${s.number}. ${s.title}`).join('; ');
    throw new McpError(ErrorCode.InvalidParams, `No section "${query}" in the specification. Sections: ${list}.`);
  }
  return match.text;
}

/** The specification's table rows that mark a conformance rule with `[C: <id>]`, with their section. */
export function rowsMarking(markdown: string, ruleId: string): Array<{ section: string; row: string }> {
  return sections(markdown).flatMap((s) =>
    s.text
      .split('\n')
      .filter((line) => line.startsWith('|') && line.includes(`[C: ${ruleId}]`))
      // Every cell but the last ("pinned by": the tests), joined: the rule itself, with its option and default.
      .map((row) => ({ section: `${s.number}. ${s.title}`, row: row.split('|').map((c) => c.trim()).filter((c) => c.length > 0).slice(0, -1).join(' — ') })),
  );
}
