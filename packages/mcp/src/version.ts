/** The package version, reported to MCP clients (test/package.test.ts keeps it equal to package.json). */
export const VERSION = '0.1.0';
