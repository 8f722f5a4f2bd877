import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

const within = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The real path of `path`, or of its deepest existing ancestor joined with the rest (so a symlink cannot lead out). */
function realish(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realish(parent), relative(parent, path));
}

/**
 * The directory the server works in (its cwd, or `--root`). Every path a tool takes is resolved against it and
 * refused unless it stays inside, symlinks included: the server never writes, or runs a package's tests, elsewhere.
 */
export class Workspace {
  /** The workspace's absolute real path (symlinks resolved). */
  readonly root: string;

  constructor(root: string) {
    if (!existsSync(root)) throw new Error(`The workspace root ${root} does not exist.`);
    this.root = realpathSync(resolve(root));
  }

  /** `path` (relative to the root, or absolute) as an absolute path inside the workspace, or an MCP error. */
  resolve(path: string, what: string): string {
    const absolute = resolve(this.root, path);
    if (!within(this.root, absolute) || !within(this.root, realish(absolute))) {
      throw new McpError(ErrorCode.InvalidParams, `${what} "${path}" is outside the workspace ${this.root}; give a path inside it.`);
    }
    return absolute;
  }

  /** Whether `path` (relative to the root, or absolute) stays inside the workspace, symlinks included. */
  contains(path: string): boolean {
    return within(this.root, realish(resolve(this.root, path)));
  }

  /** A path inside the workspace as the tools report it: relative to the root, with "/". */
  relative(path: string): string {
    return relative(this.root, path).split('\\').join('/') || '.';
  }

  /**
   * A connector package directory: a path (anything with "/" or a leading "."), or a name, meaning
   * `packages/connector-<name>` when that exists here.
   */
  connectorDir(connector: string): string | undefined {
    if (/[/\\]|^\./.test(connector)) return this.resolve(connector, 'connector');
    const dir = join(this.root, 'packages', connector.startsWith('connector-') ? connector : `connector-${connector}`);
    return existsSync(join(dir, 'package.json')) ? this.resolve(dir, 'connector') : undefined;
  }
}
