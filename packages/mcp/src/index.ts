export { createCfMcpServer, type CfMcpServerOptions } from './server.js';
export { Workspace } from './workspace.js';
export { RULE_GUIDE, type RuleGuide } from './rule-guide.js';
export { VERSION } from './version.js';
export { clientConfig, MCP_CLIENTS, SERVER_NAME, type ClientConfig, type McpClient } from './client-config.js';
