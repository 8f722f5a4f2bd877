/** The package version, sent in the User-Agent (test/package.test.ts keeps it equal to package.json). */
export const VERSION = '0.1.0';
/** The `User-Agent` every request sends: `@cf/connector-github/<version>`. */
export const USER_AGENT = `@cf/connector-github/${VERSION}`;
/** The REST API version the connector is written against, sent as `X-GitHub-Api-Version`. */
export const API_VERSION = '2022-11-28';
