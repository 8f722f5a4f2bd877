import { usageError } from '../cli-error.js';

/** The spellings of a connector name that the templates use. */
export interface ConnectorNames {
  /** `demo-api`: the registry name. */
  name: string;
  /** `DemoApi` */
  pascalName: string;
  /** `DemoApiConnector` */
  className: string;
  /** `Demo Api`, unless given. */
  displayName: string;
  /** `DEMO_API`: the prefix of its environment variables. */
  envPrefix: string;
  /** `@cf/connector-demo-api` */
  packageName: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function connectorNames(name: string, displayName?: string): ConnectorNames {
  if (name.startsWith('connector-')) throw usageError(`Give the API's name without the prefix: cf new ${name.slice('connector-'.length)}`);
  if (!NAME.test(name)) throw usageError(`"${name}" is not a connector name: lower-case letters and digits in words joined by "-" (e.g. "acme-crm").`);
  const words = name.split('-');
  const pascalName = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return {
    name,
    pascalName,
    className: `${pascalName}Connector`,
    displayName: displayName ?? words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '),
    envPrefix: name.toUpperCase().replace(/-/g, '_'),
    packageName: `@cf/connector-${name}`,
  };
}
