import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A JavaScript runtime of the matrix: a command that runs an ES module, or the browser. */
export interface Runtime {
  /** `node`, `node@22`, `deno`, `bun`, `chromium`. */
  name: string;
  kind: 'process' | 'browser' | 'worker';
  /** The transport core must pick there by default. */
  expectTransport: 'UndiciTransport' | 'FetchTransport';
  /** The executable, resolved once (never `npx` per test). */
  executable?: string;
  /** Arguments before the module's path. */
  args?: string[];
  version?: string;
  /** Why it does not run here; the tests for it are skipped with this reason. */
  skip?: string;
}

/** What `CF_RUNTIMES` may name; Node 22 and 24 are opt-in (the packaging test already runs tarball calls on them). */
export const DEFAULT_RUNTIMES = ['node', 'deno', 'bun', 'chromium', 'workerd'];

const npxEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

async function output(cmd: string, args: string[], timeout = 300_000): Promise<string> {
  const { stdout } = await exec(cmd, args, { encoding: 'utf8', timeout, env: npxEnv, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return undefined;
}

const firstLine = (error: unknown): string => {
  const e = error as { stderr?: string; message?: string };
  return (e.stderr?.trim() || e.message || String(error)).split('\n').find((l) => l.trim()) ?? 'unknown error';
};

/**
 * The runtime's own binary: from `$CF_<NAME>`, else the one on PATH, else installed from npm with npx (the `deno`
 * and `bun` packages ship the binaries; `node@22` the Node release). Asked for its path once, so later runs do not
 * go through npx (nor the registry).
 */
async function fromNpm(name: 'deno' | 'bun' | `node@${string}`, npmSpec: string, selfPath: string[], version: string[]): Promise<Runtime> {
  const base = name.startsWith('node@') ? 'node' : name;
  const expectTransport = base === 'node' ? 'UndiciTransport' : 'FetchTransport';
  const envVar = `CF_${name.replace(/\W/g, '_').toUpperCase()}`;
  const given = process.env[envVar] ?? (base === 'node' ? undefined : onPath(name));
  try {
    const executable = given ?? (await output('npx', ['-y', npmSpec, ...selfPath]));
    const v = await output(executable, version, 60_000);
    return { name, kind: 'process', expectTransport, executable, version: v.split('\n')[0] ?? v };
  } catch (error) {
    const why = given ? `${given} does not run` : `${name} is not installed and \`npx -y ${npmSpec}\` failed here (set ${envVar} to its binary)`;
    return { name, kind: 'process', expectTransport, skip: `${why}: ${firstLine(error)}` };
  }
}

const CHROMIUM_PATHS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

async function chromium(): Promise<Runtime> {
  const base: Runtime = { name: 'chromium', kind: 'browser', expectTransport: 'FetchTransport' };
  const executable = process.env.CF_CHROMIUM ?? CHROMIUM_PATHS.map(onPath).find((p) => p !== undefined);
  if (!executable) return { ...base, skip: 'no Chromium here: `apt-get install -y chromium` (Debian), or set CF_CHROMIUM to a Chrome/Chromium binary' };
  try {
    await import('playwright-core');
  } catch (error) {
    return { ...base, skip: `playwright-core does not load (root devDependency; run pnpm install): ${firstLine(error)}` };
  }
  try {
    // Debian's /usr/bin/chromium is a wrapper script; its --version prints the release.
    const version = (await output(executable, ['--version'], 60_000)).split('\n').pop() ?? '';
    return { ...base, executable, version };
  } catch (error) {
    return { ...base, skip: `${executable} does not run: ${firstLine(error)}` };
  }
}

/** workerd, Cloudflare's Workers runtime: the `workerd` npm package ships the binary. */
async function workerd(): Promise<Runtime> {
  const base: Runtime = { name: 'workerd', kind: 'worker', expectTransport: 'FetchTransport' };
  const given = process.env.CF_WORKERD ?? onPath('workerd');
  try {
    const executable = given ?? (await output('npx', ['-y', '-p', 'workerd@^1', '-c', 'command -v workerd']));
    const version = await output(executable, ['--version'], 60_000);
    return { ...base, executable, version };
  } catch (error) {
    const why = given ? `${given} does not run` : 'workerd is not installed and `npx -y -p workerd@^1` failed here (set CF_WORKERD to its binary)';
    return { ...base, skip: `${why}: ${firstLine(error)}` };
  }
}

/** Finds (or installs from npm) every runtime named in `CF_RUNTIMES` (default: node, deno, bun, chromium, workerd). */
export async function detectRuntimes(names: string[]): Promise<Runtime[]> {
  return Promise.all(
    names.map(async (name): Promise<Runtime> => {
      if (name === 'node') return { name, kind: 'process', expectTransport: 'UndiciTransport', executable: process.execPath, version: process.version };
      if (name === 'deno') return fromNpm('deno', 'deno@^2', ['eval', 'console.log(Deno.execPath())'], ['--version']);
      if (name === 'bun') return fromNpm('bun', 'bun@^1', ['-e', 'console.log(process.execPath)'], ['--version']);
      if (/^node@\d+$/.test(name)) return fromNpm(name as `node@${string}`, name, ['-p', 'process.execPath'], ['--version']);
      if (name === 'chromium') return chromium();
      if (name === 'workerd') return workerd();
      return { name, kind: 'process', expectTransport: 'FetchTransport', skip: `unknown runtime "${name}" in CF_RUNTIMES (known: ${DEFAULT_RUNTIMES.join(', ')}, node@<major>)` };
    }),
  );
}

/**
 * How each process runtime runs a probe. Deno: npm packages from the project's node_modules (`manual`, as
 * after `npm install`), network to loopback only, no prompt; the program needs no other permission.
 */
export function commandFor(runtime: Runtime, file: string): { cmd: string; args: string[] } {
  if (!runtime.executable) throw new Error(`${runtime.name} has no executable`);
  if (runtime.name === 'deno') return { cmd: runtime.executable, args: ['run', '--no-prompt', '--node-modules-dir=manual', '--allow-net=127.0.0.1', file] };
  return { cmd: runtime.executable, args: [file] };
}
