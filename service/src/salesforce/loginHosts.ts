// Where an admin logs in to connect an org: production (login.salesforce.com), sandbox (test.salesforce.com) or the
// org's My Domain (https://<name>.my.salesforce.com, and its partitioned forms <name>--<sandbox>.sandbox.my…,
// <name>.develop.my…, .scratch., .demo., .patch., .trailblaze., .free.). A My Domain host is checked strictly: it
// decides where the browser is sent and where tokens are exchanged. The Lightning host admins copy from their
// address bar (*.lightning.force.com) serves pages, not logins; it is refused with the host to use instead.
// Production and sandbox can be pointed at a local org (SALESFORCE_LOGIN_URL_*), for development and tests.
import type { SalesforceEnvironment } from '../store/repositories/salesforceConnections.ts';

export const ENVIRONMENTS: readonly SalesforceEnvironment[] = ['production', 'sandbox', 'mydomain'];

const PARTITIONS = ['sandbox', 'develop', 'scratch', 'demo', 'patch', 'trailblaze', 'free'];
// A My Domain name: letters, digits and single hyphens; a sandbox adds --<sandbox name>.
const NAME = '[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,39}(?:--[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,39})?';
const PARTITION = `(?:(?:${PARTITIONS.join('|')})\\.)?`;
const MY_DOMAIN = new RegExp(`^${NAME}\\.${PARTITION}my\\.salesforce\\.com$`);
const LIGHTNING = new RegExp(`^(${NAME}\\.${PARTITION})lightning\\.force\\.com$`);

export class LoginHostError extends Error {
  readonly parameter: 'environment' | 'host';
  constructor(parameter: 'environment' | 'host', message: string) {
    super(message);
    this.name = 'LoginHostError';
    this.parameter = parameter;
  }
}

export interface LoginTarget {
  environment: SalesforceEnvironment;
  /** Origin of the login server: https://login.salesforce.com, https://acme.my.salesforce.com, … */
  loginUrl: string;
}

/** A host as typed ("Acme.my.salesforce.com", "https://acme.my.salesforce.com/") reduced to its host name. */
function hostNameOf(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') throw new LoginHostError('host', 'host is required for environment=mydomain');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new LoginHostError('host', 'host must be a host name such as acme.my.salesforce.com');
  }
  if (url.protocol !== 'https:') throw new LoginHostError('host', 'host must be reached over https');
  if (url.username || url.password || url.port || url.search || url.hash || (url.pathname !== '/' && url.pathname)) {
    throw new LoginHostError('host', 'host must be a host name only, such as acme.my.salesforce.com (no path or port)');
  }
  return url.hostname;
}

/** Checks a My Domain host; refuses a Lightning host naming the My Domain host to use. Returns the host name. */
export function checkMyDomainHost(input: string): string {
  const host = hostNameOf(input);
  const lightning = LIGHTNING.exec(host);
  if (lightning) {
    throw new LoginHostError(
      'host',
      `${host} is a Lightning page host, not a login host: use ${lightning[1]}my.salesforce.com instead`
    );
  }
  if (!MY_DOMAIN.test(host)) {
    throw new LoginHostError(
      'host',
      'host must be your My Domain login host, such as acme.my.salesforce.com or acme--uat.sandbox.my.salesforce.com'
    );
  }
  return host;
}

export function resolveLoginTarget(
  input: { environment: string | undefined; host: string | undefined },
  loginUrls: { production: string; sandbox: string }
): LoginTarget {
  switch (input.environment) {
    case 'production':
    case 'sandbox':
      if (input.host !== undefined && input.host !== '') {
        throw new LoginHostError('host', `host is only used with environment=mydomain, not ${input.environment}`);
      }
      return { environment: input.environment, loginUrl: loginUrls[input.environment] };
    case 'mydomain':
      return { environment: 'mydomain', loginUrl: `https://${checkMyDomainHost(input.host ?? '')}` };
    case undefined:
    case '':
      throw new LoginHostError('environment', 'environment is required: production, sandbox or mydomain');
    default:
      throw new LoginHostError('environment', 'environment must be one of: production, sandbox, mydomain');
  }
}

/**
 * After the token exchange: the instance URL Salesforce returned must be a Salesforce host over https (or, when a
 * login URL was deliberately pointed at a local org, that same local origin), since tokens will be sent there.
 */
export function isTrustedInstanceUrl(instanceUrl: string, loginUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const login = new URL(loginUrl);
  if (login.protocol === 'http:') return url.origin === login.origin;
  return (
    url.protocol === 'https:' &&
    !url.port &&
    /^(?:[a-z0-9-]+\.)+(?:salesforce\.com|force\.com|cloudforce\.com|salesforce\.mil)$/.test(url.hostname) &&
    !LIGHTNING.test(url.hostname)
  );
}
