/** The package version, sent in the User-Agent (a test keeps it equal to package.json; `pnpm version-packages` syncs it). */
export const VERSION = '0.1.0';
