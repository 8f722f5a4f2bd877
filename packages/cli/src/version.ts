/** The CLI's version: copied-in connectors are pinned to it (a test keeps it equal to package.json). */
export const CLI_VERSION = '0.1.0';
