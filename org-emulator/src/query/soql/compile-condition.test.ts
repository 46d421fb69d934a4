// compileCondition: a WHERE expression compiled once (validation rules) and applied to records that may not be
// stored yet; bad input fails exactly as the same WHERE clause would in a query.
import { compileCondition } from '../index.ts';
import type { StoredRecord } from '../../model/types.ts';
import { catchSalesforceError, detailOf, positionOf } from '../testing/catch-error.ts';
import { fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

const schema = fixtureSchema();

const lead = (values: StoredRecord['values']): StoredRecord => ({
  type: 'Lead',
  id: '00QQe0000000009XAA',
  values: { Phone: null, LeadSource: null, ...values },
  indexedAt: 0
});

describe('compileCondition', () => {
  it('evaluates the expression against a record that is not stored', () => {
    const ctx = fixtureContext(schema, new MemoryRecords(schema));
    const rule = compileCondition(schema, 'Lead', "Phone = null AND LeadSource = 'Web'");
    expect(rule(lead({ LeadSource: 'web' }), ctx)).toBe(true);
    expect(rule(lead({ LeadSource: 'Web', Phone: '555' }), ctx)).toBe(false);
    expect(rule(lead({ LeadSource: 'Other' }), ctx)).toBe(false);
  });

  it('follows relationships and date literals through the context it is given', () => {
    const data = new MemoryRecords(schema);
    const queue = data.add('Group', { Name: 'Inbound', Type: 'Queue' });
    const ctx = fixtureContext(schema, data);
    const rule = compileCondition(schema, 'lead', "Owner.Type = 'Group' AND CreatedDate = TODAY");
    expect(rule(lead({ OwnerId: queue, CreatedDate: '2024-03-15T19:00:00.000+0000' }), ctx)).toBe(true);
    expect(rule(lead({ OwnerId: queue, CreatedDate: '2024-03-14T19:00:00.000+0000' }), ctx)).toBe(false);
  });

  it('refuses bad input with the error a query would give, positioned in the expression', () => {
    const unknown = catchSalesforceError(() => compileCondition(schema, 'Lead', "Phone = null AND Nope__c = 'x'"));
    expect(unknown.errorCode).toBe('INVALID_FIELD');
    expect(positionOf(unknown)).toBe('Row:1:Column:18');
    expect(unknown.message.split('\n')[1]).toBe("Phone = null AND Nope__c = 'x'");
    const mixed = catchSalesforceError(() =>
      compileCondition(schema, 'Lead', "Phone = null AND Email = null OR Status = 'x'")
    );
    expect(detailOf(mixed)).toBe("unexpected token: 'OR'");
    const typed = catchSalesforceError(() => compileCondition(schema, 'Lead', "IsConverted = 'false'"));
    expect(typed.errorCode).toBe('INVALID_FIELD');
  });

  it('refuses anything after the expression', () => {
    for (const tail of ['LIMIT 1', 'ORDER BY Name', 'WITH SECURITY_ENFORCED', 'FOR UPDATE']) {
      const error = catchSalesforceError(() => compileCondition(schema, 'Lead', `Phone = null ${tail}`));
      expect(error.errorCode).toBe('MALFORMED_QUERY');
      expect(detailOf(error)).toBe(`unexpected token: '${tail.split(' ')[0]}'`);
    }
    expect(catchSalesforceError(() => compileCondition(schema, 'Lead', "Phone = null) OR (Name != ''")).errorCode).toBe(
      'MALFORMED_QUERY'
    );
    expect(catchSalesforceError(() => compileCondition(schema, 'Lead', '')).errorCode).toBe('MALFORMED_QUERY');
  });

  it('refuses an unknown object with INVALID_TYPE', () => {
    const error = catchSalesforceError(() => compileCondition(schema, 'Nope__c', 'Name = null'));
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("sObject type 'Nope__c' is not supported.");
  });
});
