/** The package version, sent in the User-Agent (test/package.test.ts keeps it equal to package.json). */
export const VERSION = '0.1.0';
export const USER_AGENT = `{{packageName}}/${VERSION}`;
