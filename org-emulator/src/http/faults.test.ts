import { FaultError, Faults } from './faults.ts';
import { seededRandom } from './random.ts';

const noRates = () => ({ serviceUnavailableRate: 0, rowLockRate: 0 });

describe('injected faults', () => {
  it('fails exactly the next N matching requests, then stops', () => {
    const faults = new Faults(Math.random, noRates);
    faults.enqueue({ kind: 'serviceUnavailable', count: 2, method: 'get', path: '/query' });
    expect(faults.takeRequestFault('POST', '/sobjects/Lead')).toBeNull();
    expect(faults.takeRequestFault('GET', '/query')).toBe('serviceUnavailable');
    expect(faults.takeRequestFault('GET', '/query/01g-2000')).toBe('serviceUnavailable');
    expect(faults.takeRequestFault('GET', '/query')).toBeNull();
    expect(faults.pending()).toEqual([]);
  });

  it('keeps row-lock faults for record writes and leaves request-level checks alone', () => {
    const faults = new Faults(Math.random, noRates);
    faults.enqueue({ kind: 'rowLock', records: [1, 3] });
    expect(faults.takeRequestFault('PATCH', '/composite/sobjects')).toBeNull();
    expect([...faults.lockedRecords('PATCH', '/composite/sobjects', 3)]).toEqual([1]);
    expect(faults.lockedRecords('PATCH', '/composite/sobjects', 3).size).toBe(0);
  });

  it('without a queued fault, a row-lock rate of 1 locks every record and 0 locks none', () => {
    let rate = 1;
    const faults = new Faults(seededRandom(7), () => ({ serviceUnavailableRate: 0, rowLockRate: rate }));
    expect(faults.lockedRecords('POST', '/sobjects/Lead', 4).size).toBe(4);
    rate = 0;
    expect(faults.lockedRecords('POST', '/sobjects/Lead', 4).size).toBe(0);
  });

  it('rolls the 503 rate with the given dice, so a seeded run repeats', () => {
    const run = (): Array<string | null> => {
      const faults = new Faults(seededRandom(42), () => ({ serviceUnavailableRate: 0.5, rowLockRate: 0 }));
      return Array.from({ length: 20 }, () => faults.takeRequestFault('GET', '/limits'));
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first).toContain('serviceUnavailable');
    expect(first).toContain(null);
  });

  it.each([
    [{ kind: 'meteor' }, /fault kind must be one of/],
    [{ kind: 'rowLock', count: 0 }, /count must be a whole number/],
    [{ kind: 'serviceUnavailable', records: [0] }, /records only apply to rowLock/],
    [{ kind: 'sessionExpired', extra: 1 }, /unknown fault property 'extra'/],
    ['503', /must be a JSON object/]
  ])('refuses a malformed fault %j with a clear message', (input, message) => {
    const faults = new Faults(Math.random, noRates);
    expect(() => faults.enqueue(input)).toThrow(FaultError);
    expect(() => faults.enqueue(input)).toThrow(message);
  });
});
