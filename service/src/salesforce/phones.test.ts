import { normalisePhone, phoneSearchTerms, storedPhoneMatches } from './phones.ts';

describe('phone numbers', () => {
  it('normalise any human format to E.164, assuming the default region for national numbers', () => {
    for (const raw of ['(415) 555-0142', '415.555.0142', '+1 415-555-0142', '4155550142', '1 (415) 555 0142']) {
      expect(normalisePhone(raw, 'US')?.e164).toBe('+14155550142');
    }
    expect(normalisePhone('020 7946 0958', 'GB')?.e164).toBe('+442079460958');
    expect(normalisePhone('+44 20 7946 0958', 'US')?.e164).toBe('+442079460958');
  });

  it('give the digit variants a stored number may reduce to: international, national with trunk prefix, significant', () => {
    expect(normalisePhone('+1 415 555 0142', 'US')?.digitVariants).toEqual(['14155550142', '4155550142']);
    expect(normalisePhone('+44 20 7946 0958', 'US')?.digitVariants).toEqual([
      '442079460958',
      '02079460958',
      '2079460958'
    ]);
  });

  it('refuse what cannot be a phone number', () => {
    expect(normalisePhone("+1 555' OR '1'='1", 'US')).toBeUndefined();
    expect(normalisePhone('12', 'US')).toBeUndefined();
  });

  it('search each variant and the escaped +E.164 form', () => {
    const phone = normalisePhone('(415) 555-0142', 'US');
    expect(phone && phoneSearchTerms(phone)).toEqual(['14155550142', '4155550142', '\\+14155550142']);
  });

  it('match stored values by their digits or their E.164 form', () => {
    const phone = normalisePhone('+44 20 7946 0958', 'US');
    if (!phone) throw new Error('expected a number');
    expect(storedPhoneMatches('020 7946 0958', phone, 'US')).toBe(true);
    expect(storedPhoneMatches('+44 (0)20 7946 0958', phone, 'US')).toBe(true);
    expect(storedPhoneMatches('+44 20 7946 0959', phone, 'US')).toBe(false);
    expect(storedPhoneMatches(null, phone, 'US')).toBe(false);
  });
});
