import { parseVersionSegment, releaseLabel, versionList } from './api-versions.ts';

describe('API versions', () => {
  it('serves v20.0 through v67.0 and nothing else', () => {
    expect(parseVersionSegment('v20.0')).toBe(20);
    expect(parseVersionSegment('v67.0')).toBe(67);
    expect(parseVersionSegment('v19.0')).toBeUndefined();
    expect(parseVersionSegment('v68.0')).toBeUndefined();
    expect(parseVersionSegment('v62')).toBeUndefined();
    expect(parseVersionSegment('62.0')).toBeUndefined();
    expect(versionList()).toHaveLength(48);
  });

  it("labels each version with its release (v62.0 is Winter '25, v20.0 Winter '11)", () => {
    expect(releaseLabel(20)).toBe("Winter '11");
    expect(releaseLabel(62)).toBe("Winter '25");
    expect(releaseLabel(66)).toBe("Spring '26");
    expect(versionList()[42]).toEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
  });
});
