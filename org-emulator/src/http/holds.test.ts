import { HoldError, RequestHolds } from './holds.ts';

describe('request holds', () => {
  it('catch exactly the next N requests matching the method (any case) and a part of the path, then are spent', () => {
    const holds = new RequestHolds();
    holds.arm({ method: 'patch', path: '/composite/sobjects/Task', count: 2 });
    expect(holds.catches('GET', '/services/data/v62.0/composite/sobjects/Task')).toBe(false);
    expect(holds.catches('PATCH', '/services/data/v62.0/composite/sobjects/Lead/Ext__c')).toBe(false);
    expect(holds.catches('PATCH', '/services/data/v62.0/composite/sobjects/Task/Ext__c')).toBe(true);
    expect(holds.armed()).toEqual([{ id: 1, method: 'PATCH', path: '/composite/sobjects/Task', remaining: 1 }]);
    expect(holds.catches('PATCH', '/services/data/v62.0/composite/sobjects/Task')).toBe(true);
    expect(holds.catches('PATCH', '/services/data/v62.0/composite/sobjects/Task')).toBe(false);
    expect(holds.armed()).toEqual([]);
  });

  it('release lets the held requests go on in the order they were held and keeps armed holds; clear disarms too', async () => {
    const holds = new RequestHolds();
    holds.arm({ count: 5 });
    const resumed: string[] = [];
    const first = holds.wait().then(() => resumed.push('first'));
    const second = holds.wait().then(() => resumed.push('second'));
    expect(holds.heldCount()).toBe(2);
    expect(holds.release()).toEqual({ released: 2 });
    await Promise.all([first, second]);
    expect(resumed).toEqual(['first', 'second']);
    expect(holds.armed()).toHaveLength(1);

    const third = holds.wait();
    expect(holds.clear()).toEqual({ released: 1, disarmed: 1 });
    await third;
    expect([holds.armed(), holds.heldCount()]).toEqual([[], 0]);
  });

  it('refuses a malformed hold with a message naming what is wrong', () => {
    const holds = new RequestHolds();
    const refusal = (input: unknown): string => {
      try {
        holds.arm(input);
      } catch (error) {
        if (error instanceof HoldError) return error.message;
        throw error;
      }
      throw new Error('the hold was accepted');
    };
    expect(refusal([])).toMatch(/^a hold must be a JSON object/);
    expect(refusal({ count: 1.5 })).toBe('hold count must be a whole number from 1, got 1.5');
    expect(refusal({ method: 'GET /x' })).toBe('hold method must be an HTTP method name, got "GET /x"');
    expect(refusal({ path: '' })).toBe('hold path must be a non-empty string, got ""');
    expect(refusal({ records: [0] })).toBe("unknown hold property 'records' (known: method, path, count)");
    expect(holds.armed()).toEqual([]);
  });
});
