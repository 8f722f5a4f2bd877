// The CLI's commands as functions, for other tools (an MCP server, scripts) to call without spawning `cf`.
export { listConnectors, formatConnectorList } from './commands/list.js';
export { extract, type ExtractOptions, type ExtractResult } from './commands/extract.js';
export { scaffoldConnector, type ScaffoldOptions, type ScaffoldResult } from './commands/new.js';
export { addConnector, type AddOptions, type AddResult, type CopyInDependency } from './commands/add.js';
export { diffConnector, formatDiff, type DiffOptions, type DiffResult, type FileDiff, type LocalStatus, type UpstreamStatus } from './commands/diff.js';
export { checkConnector, formatCheck, type CheckOptions, type CheckResult } from './commands/check.js';
export { main, createProgram, type CliIo } from './cli.js';
export { CliError, exitCodeOf } from './cli-error.js';
export { EXIT, type ExitCode } from './exit-codes.js';
export { CLI_VERSION } from './version.js';
export { adapters, adapterFor, defineAdapter, fromPages, singlePage } from './adapters/index.js';
export type { ConnectorAdapter, EnvVar, ExtractArgs, ExtractPage, ExtractResource } from './adapters/index.js';
export { loadRegistry, registryEntryFor } from './registry/registry.js';
export { registrySchema, registryEntrySchema, type Registry, type RegistryEntry } from './registry/registry-schema.js';
export { copyInManifestSchema, MANIFEST_FILE, type CopyInManifest } from './copy-in/manifest.js';
export { readState, writeState, extractStateSchema, type ExtractState } from './extract/state-file.js';
export { addResource, addResourceOptionsSchema, inferZodSchema, PAGINATION_STYLES, type AddResourceOptions, type AddResourceResult, type PaginationStyle } from './add-resource/index.js';
