/** The package version, sent in the User-Agent (a test keeps it equal to package.json). */
export const VERSION = '0.1.0';
/** The `User-Agent` every request sends: `@cf/connector-hubspot/<version>`. */
export const USER_AGENT = `@cf/connector-hubspot/${VERSION}`;
