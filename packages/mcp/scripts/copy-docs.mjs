// Copies the specification and the connector checklist from the repository's docs/ into this package's docs/,
// so the published server serves the same text the repository does (src/docs.ts looks here first).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const pkg = resolve(import.meta.dirname, '..');
const out = join(pkg, 'docs');
mkdirSync(out, { recursive: true });
for (const file of ['specification.md', 'connector-checklist.md']) copyFileSync(join(pkg, '..', '..', 'docs', file), join(out, file));
