import { checksum, IdFactory, isIdShaped, to18 } from './ids.ts';

describe('record ids', () => {
  it('computes the case-safe suffix of the published test vectors', () => {
    expect(to18('70130000001tcyI')).toBe('70130000001tcyIAAQ');
    expect(to18('00558000001N0Ke')).toBe('00558000001N0KeAAK');
    expect(to18('a0BA0000000L2ZC')).toBe('a0BA0000000L2ZCMA0');
  });

  it('accepts an 18-character id only when its suffix is consistent with it', () => {
    expect(isIdShaped('70130000001tcyIAAQ')).toBe(true);
    // The suffix marks a digit ("0" in position 1) as a capital letter: not an id.
    expect(isIdShaped('70130000001tcyIBAQ')).toBe(false);
    expect(isIdShaped('70130000001tcy')).toBe(false);
    expect(isIdShaped("003' OR Id != '")).toBe(false);
  });

  it('reads an 18-character id case-insensitively, as Salesforce does, and a 15-character one exactly', () => {
    expect(to18('70130000001TCYIAAQ')).toBe('70130000001tcyIAAQ');
    expect(to18('a0ba0000000l2zcma0')).toBe('a0BA0000000L2ZCMA0');
    expect(to18('70130000001tcyi')).toBe('70130000001tcyiAAA');
  });

  it('issues 18-character ids with the key prefix and never repeats one', () => {
    const ids = new IdFactory('8d');
    const a = ids.next('003');
    const b = ids.next('003');
    expect(a).toMatch(/^0038d0{1}[0-9A-Za-z]{9}[A-Z0-5]{3}$/);
    expect(a).not.toBe(b);
    expect(checksum(a.slice(0, 15))).toBe(a.slice(15));
  });

  it('continues after the highest id it has observed', () => {
    const first = new IdFactory('8d');
    const loaded = [first.next('001'), first.next('001'), first.next('001')];
    const second = new IdFactory('8d');
    loaded.forEach((id) => second.observe(id));
    expect(loaded).not.toContain(second.next('001'));
  });
});
