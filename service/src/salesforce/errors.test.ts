import { classifyFailure, toActivityError } from './errors.ts';

describe('a failed Salesforce call as the tenant sees it', () => {
  it('when Salesforce answered with an error, then its code, message and fields are kept', () => {
    const refused = Object.assign(new Error('Busy calls are not logged in this org'), {
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      fields: ['Call_Outcome__c']
    });
    expect(toActivityError(refused)).toEqual({
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Busy calls are not logged in this org',
      fields: ['Call_Outcome__c']
    });
    expect(classifyFailure(refused)).toBe('permanent');
  });

  it('when the network failed, then the network code is shown and the failure is transient', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' })
    });
    expect(toActivityError(refused)).toEqual({ code: 'ECONNREFUSED', message: 'fetch failed' });
    expect(classifyFailure(refused)).toBe('transient');
    expect(classifyFailure(new TypeError('fetch failed'))).toBe('transient');
    expect(toActivityError(new TypeError('fetch failed')).code).toBe('UNKNOWN_ERROR');
  });

  it('when the failure is ours (a bug, an answer we could not read), then the tenant sees no internals', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'records') at /srv/service/src/x.ts:1");
    expect(toActivityError(bug)).toEqual({
      code: 'UNKNOWN_ERROR',
      message: 'the call to Salesforce failed unexpectedly; the service log has the details'
    });
    expect(
      toActivityError(new Error('Cannot handle redirect for https://elsewhere.example/steal')).message
    ).not.toContain('elsewhere');
  });
});
