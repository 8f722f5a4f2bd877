import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../src/index.js';
import { tempDir } from './helpers.js';

describe('Workspace', () => {
  it('resolves paths inside the root and refuses every way out, symlinks included', () => {
    const root = tempDir();
    const outside = tempDir();
    mkdirSync(join(root, 'packages'));
    symlinkSync(outside, join(root, 'packages', 'link'));
    const ws = new Workspace(root);
    expect(ws.resolve('packages/connector-a', 'dir')).toBe(join(ws.root, 'packages', 'connector-a'));
    expect(ws.resolve(join(ws.root, 'x'), 'dir')).toBe(join(ws.root, 'x'));
    for (const path of ['..', '../x', 'packages/../../x', outside, 'packages/link/x', 'packages/link']) {
      expect(() => ws.resolve(path, 'dir'), path).toThrow(McpError);
      expect(() => ws.resolve(path, 'dir'), path).toThrow(/is outside the workspace/);
    }
  });

  it('finds a connector by name under packages/, or by path', () => {
    const root = tempDir();
    mkdirSync(join(root, 'packages', 'connector-acme'), { recursive: true });
    writeFileSync(join(root, 'packages', 'connector-acme', 'package.json'), '{}');
    const ws = new Workspace(root);
    const dir = join(ws.root, 'packages', 'connector-acme');
    expect(ws.connectorDir('acme')).toBe(dir);
    expect(ws.connectorDir('connector-acme')).toBe(dir);
    expect(ws.connectorDir('./packages/connector-acme')).toBe(dir);
    expect(ws.connectorDir('frankfurter')).toBeUndefined();
    expect(() => ws.connectorDir('../elsewhere')).toThrow(/outside the workspace/);
    expect(ws.relative(dir)).toBe('packages/connector-acme');
  });
});
