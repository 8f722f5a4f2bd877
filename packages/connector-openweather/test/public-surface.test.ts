import { publicOperations } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { metadata, OpenWeatherConnector } from '../src/index.js';

describe('public surface', () => {
  it('a connector exposes its declared operations and nothing else at runtime (no internals reachable from JavaScript)', () => {
    const client = new OpenWeatherConnector({ apiKey: 'ow-surface-key' });
    const declared = (metadata.operations ?? []).map((o) => o.name);
    // `oneCall` is callable (`oneCall(location)`) with methods of its own: the walk finds both.
    expect(publicOperations(client)).toEqual([...declared].sort());
    expect(Object.keys(client.oneCall).sort()).toEqual(['at', 'daySummary', 'overview']);
    expect(declared).toEqual(expect.arrayContaining(['oneCall', 'oneCall.at', 'oneCall.daySummary', 'oneCall.overview']));
  });
});
