// After `changeset version` bumps package.json versions, writes each package's src/version.ts to match,
// so the User-Agent names the real version (each package has a test that checks they agree).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', 'packages');
for (const dir of readdirSync(root)) {
  const file = join(root, dir, 'src', 'version.ts');
  if (!existsSync(file)) continue;
  const { version } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const before = readFileSync(file, 'utf8');
  const after = before.replace(/(export const VERSION = )'[^']*'/, `$1'${version}'`);
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`${dir}: VERSION = ${version}`);
  }
}
