import { EXTERNAL_ID_MAX, externalActivityId } from './externalActivityId.ts';

describe('External Activity IDs', () => {
  it('prefix the platform id with the tenant, so two tenants in one org never share a record', () => {
    expect(externalActivityId('ten_aaaaaaaaaaaaaaaaaaaa', 'call-1')).toBe('ten_aaaaaaaaaaaaaaaaaaaa:call-1');
    expect(externalActivityId('ten_a', 'call-1')).not.toBe(externalActivityId('ten_b', 'call-1'));
  });

  it('stay within 255 characters: a long id becomes a stable hash, distinct per id', () => {
    const tenant = 'ten_aaaaaaaaaaaaaaaaaaaa';
    const long = 'x'.repeat(255);
    const value = externalActivityId(tenant, long);
    expect(value).toMatch(/^ten_a{20}:sha256:[0-9a-f]{64}$/);
    expect(value.length).toBeLessThanOrEqual(EXTERNAL_ID_MAX);
    expect(externalActivityId(tenant, long)).toBe(value);
    expect(externalActivityId(tenant, `${long.slice(1)}y`)).not.toBe(value);
    const exact = 'y'.repeat(EXTERNAL_ID_MAX - tenant.length - 1);
    expect(externalActivityId(tenant, exact)).toBe(`${tenant}:${exact}`);
  });
});
