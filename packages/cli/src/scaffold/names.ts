import { usageError } from '../cli-error.js';

/** The spellings of a connector name that the templates use. */
export interface ConnectorNames {
  /** `demo-api`: the registry name. */
  name: string;
  /** `DemoApi`, or the display name's own words and casing (`GitHub`). */
  pascalName: string;
  /** `DemoApiConnector` (`GitHubConnector` for the display name `GitHub`) */
  className: string;
  /** `Demo Api`, unless given. */
  displayName: string;
  /** `DEMO_API`: the prefix of its environment variables. */
  envPrefix: string;
  /** `@cf/connector-demo-api`, or `<scope>/connector-demo-api`, or the name given. */
  packageName: string;
}

export interface ConnectorNameOptions {
  /** The API's name as written (`GitHub`, `ACME CRM`): the class keeps its casing (`GitHubConnector`). */
  displayName?: string | undefined;
  /** The npm scope (`@acme` or `acme`). @default '@cf' */
  scope?: string | undefined;
  /** The whole package name (`@acme/github-client`, `github-client`); an unscoped one takes `scope` when given. */
  packageName?: string | undefined;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SCOPE = /^@[a-z0-9][a-z0-9._-]*$/;
const PACKAGE = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `GitHub` → `GitHub`, `ACME CRM` → `ACMECRM`, `open weather` → `OpenWeather`; undefined when no identifier comes of it. */
function pascalFromDisplayName(displayName: string): string | undefined {
  const pascal = displayName
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(capitalize)
    .join('');
  return /^[A-Z][A-Za-z0-9]*$/.test(pascal) ? pascal : undefined;
}

function packageNameOf(name: string, options: ConnectorNameOptions): string {
  let scope: string | undefined;
  if (options.scope !== undefined) {
    scope = options.scope.startsWith('@') ? options.scope : `@${options.scope}`;
    if (!SCOPE.test(scope)) throw usageError(`--scope "${options.scope}" is not an npm scope: lower-case letters, digits, ".", "_" or "-" (e.g. "@acme").`);
  }
  if (options.packageName === undefined) return `${scope ?? '@cf'}/connector-${name}`;
  if (!PACKAGE.test(options.packageName)) throw usageError(`--name "${options.packageName}" is not an npm package name (e.g. "@acme/${name}" or "${name}-client").`);
  if (options.packageName.startsWith('@')) {
    if (scope !== undefined && !options.packageName.startsWith(`${scope}/`)) throw usageError(`--name "${options.packageName}" is not in --scope ${scope}: give one or the other.`);
    return options.packageName;
  }
  return scope === undefined ? options.packageName : `${scope}/${options.packageName}`;
}

export function connectorNames(name: string, options: ConnectorNameOptions = {}): ConnectorNames {
  if (name.startsWith('connector-')) throw usageError(`Give the API's name without the prefix: cf new ${name.slice('connector-'.length)}`);
  if (!NAME.test(name)) throw usageError(`"${name}" is not a connector name: lower-case letters and digits in words joined by "-" (e.g. "acme-crm").`);
  const words = name.split('-');
  const pascalName = (options.displayName === undefined ? undefined : pascalFromDisplayName(options.displayName)) ?? words.map(capitalize).join('');
  return {
    name,
    pascalName,
    className: `${pascalName}Connector`,
    displayName: options.displayName ?? words.map(capitalize).join(' '),
    envPrefix: name.toUpperCase().replace(/-/g, '_'),
    packageName: packageNameOf(name, options),
  };
}
