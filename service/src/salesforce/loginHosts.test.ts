import { LoginHostError, checkMyDomainHost, isTrustedInstanceUrl, resolveLoginTarget } from './loginHosts.ts';

const LOGIN_URLS = { production: 'https://login.salesforce.com', sandbox: 'https://test.salesforce.com' };

function refusal(run: () => unknown): { parameter: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof LoginHostError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('login targets', () => {
  it('send production and sandbox to the configured login URLs', () => {
    expect(resolveLoginTarget({ environment: 'production', host: undefined }, LOGIN_URLS)).toEqual({
      environment: 'production',
      loginUrl: 'https://login.salesforce.com'
    });
    expect(resolveLoginTarget({ environment: 'sandbox', host: '' }, LOGIN_URLS).loginUrl).toBe(
      'https://test.salesforce.com'
    );
  });

  it('accept My Domain hosts in their partitioned forms, lower-cased, with or without a scheme', () => {
    for (const [input, host] of [
      ['acme.my.salesforce.com', 'acme.my.salesforce.com'],
      ['https://Acme.My.Salesforce.com/', 'acme.my.salesforce.com'],
      ['acme--uat.sandbox.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com'],
      ['acme-dev-ed.develop.my.salesforce.com', 'acme-dev-ed.develop.my.salesforce.com'],
      ['force-inspiration-1234.scratch.my.salesforce.com', 'force-inspiration-1234.scratch.my.salesforce.com'],
      ['acme.trailblaze.my.salesforce.com', 'acme.trailblaze.my.salesforce.com']
    ]) {
      expect(checkMyDomainHost(input as string)).toBe(host);
    }
    expect(resolveLoginTarget({ environment: 'mydomain', host: 'acme.my.salesforce.com' }, LOGIN_URLS)).toEqual({
      environment: 'mydomain',
      loginUrl: 'https://acme.my.salesforce.com'
    });
  });

  it('refuse a Lightning host, naming the My Domain host to use', () => {
    expect(refusal(() => checkMyDomainHost('acme.lightning.force.com'))).toEqual({
      parameter: 'host',
      message: 'acme.lightning.force.com is a Lightning page host, not a login host: use acme.my.salesforce.com instead'
    });
    expect(refusal(() => checkMyDomainHost('acme--uat.sandbox.lightning.force.com')).message).toContain(
      'use acme--uat.sandbox.my.salesforce.com instead'
    );
  });

  it('refuse anything else: other domains, look-alikes, ports, paths, credentials, plain http', () => {
    for (const input of [
      'evil.example.com',
      'acme.my.salesforce.com.evil.example',
      'my.salesforce.com',
      'acme.unknown.my.salesforce.com',
      '-acme.my.salesforce.com',
      'acme.my.salesforce.com:8443',
      'acme.my.salesforce.com/services',
      'user:pass@acme.my.salesforce.com',
      'http://acme.my.salesforce.com',
      'login.salesforce.com'
    ]) {
      expect(refusal(() => checkMyDomainHost(input)).parameter).toBe('host');
    }
    expect(refusal(() => checkMyDomainHost(''))).toEqual({
      parameter: 'host',
      message: 'host is required for environment=mydomain'
    });
  });

  it('refuse a missing or unknown environment, and a host outside My Domain', () => {
    expect(refusal(() => resolveLoginTarget({ environment: undefined, host: undefined }, LOGIN_URLS))).toEqual({
      parameter: 'environment',
      message: 'environment is required: production, sandbox or mydomain'
    });
    expect(refusal(() => resolveLoginTarget({ environment: 'staging', host: undefined }, LOGIN_URLS)).message).toBe(
      'environment must be one of: production, sandbox, mydomain'
    );
    expect(
      refusal(() => resolveLoginTarget({ environment: 'production', host: 'acme.my.salesforce.com' }, LOGIN_URLS))
        .message
    ).toBe('host is only used with environment=mydomain, not production');
  });

  it('trust instance URLs on Salesforce hosts over https, or the local org a login URL was pointed at', () => {
    expect(isTrustedInstanceUrl('https://acme.my.salesforce.com', LOGIN_URLS.production)).toBe(true);
    expect(isTrustedInstanceUrl('https://na85.salesforce.com', LOGIN_URLS.production)).toBe(true);
    expect(isTrustedInstanceUrl('https://evil.example.com', LOGIN_URLS.production)).toBe(false);
    expect(isTrustedInstanceUrl('http://acme.my.salesforce.com', LOGIN_URLS.production)).toBe(false);
    expect(isTrustedInstanceUrl('https://acme.lightning.force.com', LOGIN_URLS.production)).toBe(false);
    expect(isTrustedInstanceUrl('http://127.0.0.1:3100', 'http://127.0.0.1:3100')).toBe(true);
    expect(isTrustedInstanceUrl('http://127.0.0.1:9999', 'http://127.0.0.1:3100')).toBe(false);
    expect(isTrustedInstanceUrl('not a url', LOGIN_URLS.production)).toBe(false);
  });
});
