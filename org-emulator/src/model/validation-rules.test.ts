import { errorOf, testOrg, type TestOrg } from './testing/test-org.ts';

let t: TestOrg;
beforeEach(() => {
  t = testOrg();
});
afterEach(() => t.close());

const rule = {
  name: 'Web_Leads_Need_Phone',
  object: 'Lead',
  condition: "Phone = null AND LeadSource = 'Web'",
  errorMessage: 'Web leads need a phone number.',
  errorField: 'Phone'
};

describe('validation rules', () => {
  it('fail a save whose record matches the condition with FIELD_CUSTOM_VALIDATION_EXCEPTION', () => {
    t.org.installValidationRule(rule);
    expect(
      errorOf(() => t.org.create('Lead', { LastName: 'A', Company: 'B', LeadSource: 'Web' }, t.admin))
    ).toMatchObject({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Web leads need a phone number.',
      fields: ['Phone']
    });
    expect(() =>
      t.org.create('Lead', { LastName: 'A', Company: 'B', LeadSource: 'Web', Phone: '415 555 0100' }, t.admin)
    ).not.toThrow();
  });

  it('see the record as it would be saved, on update too', () => {
    const id = t.org.create('Lead', { LastName: 'A', Company: 'B', LeadSource: 'Web', Phone: '1' }, t.admin);
    t.org.installValidationRule(rule);
    expect(errorOf(() => t.org.update('Lead', id, { Phone: null }, t.admin)).errorCode).toBe(
      'FIELD_CUSTOM_VALIDATION_EXCEPTION'
    );
    expect(t.org.retrieve('Lead', id, ['Phone'])).toEqual({ Phone: '1' });
  });

  it('report no field when the rule names none, and stop applying once removed or inactive', () => {
    t.org.installValidationRule({ ...rule, errorField: undefined });
    expect(
      errorOf(() => t.org.create('Lead', { LastName: 'A', Company: 'B', LeadSource: 'Web' }, t.admin)).fields
    ).toEqual([]);
    expect(t.org.removeValidationRule('web_leads_need_phone')).toBe(true);
    expect(t.org.removeValidationRule('web_leads_need_phone')).toBe(false);
    t.org.installValidationRule({ ...rule, active: false });
    expect(() => t.org.create('Lead', { LastName: 'A', Company: 'B', LeadSource: 'Web' }, t.admin)).not.toThrow();
  });

  it('are listed with canonical names, and a rule of the same name replaces the old one', () => {
    t.org.installValidationRule({ ...rule, object: 'lead', errorField: 'phone' });
    t.org.installValidationRule({ ...rule, object: 'lead', errorMessage: 'Second version' });
    expect(t.org.validationRules()).toEqual([{ ...rule, errorMessage: 'Second version', active: true }]);
  });

  it('are refused when the object, the field or the condition is bad', () => {
    expect(errorOf(() => t.org.installValidationRule({ ...rule, object: 'Nope__c' })).errorCode).toBe('INVALID_TYPE');
    expect(errorOf(() => t.org.installValidationRule({ ...rule, errorField: 'Nope__c' })).message).toMatch(
      /errorField Nope__c/
    );
    expect(errorOf(() => t.org.installValidationRule({ ...rule, condition: 'Nope__c = 1' })).errorCode).toBe(
      'INVALID_FIELD'
    );
    expect(t.org.validationRules()).toEqual([]);
  });
});
