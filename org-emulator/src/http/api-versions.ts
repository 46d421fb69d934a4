// The REST API versions the emulator answers (20.0 through 67.0) and the release each one shipped in.
export const MIN_API_VERSION = 20;
export const MAX_API_VERSION = 67;

export interface ApiVersionInfo {
  label: string;
  url: string;
  version: string;
}

/** `v62.0` → 62; anything that is not a served version → undefined. */
export function parseVersionSegment(segment: string): number | undefined {
  const match = /^v(\d{2})\.0$/.exec(segment);
  if (!match) return undefined;
  const n = Number(match[1]);
  return n >= MIN_API_VERSION && n <= MAX_API_VERSION ? n : undefined;
}

/** Three releases a year since Winter '11 (v20.0): Winter, Spring, Summer. */
export function releaseLabel(version: number): string {
  const index = version - MIN_API_VERSION;
  const season = ['Winter', 'Spring', 'Summer'][index % 3]!;
  const year = 11 + Math.floor(index / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function versionList(): ApiVersionInfo[] {
  const out: ApiVersionInfo[] = [];
  for (let v = MIN_API_VERSION; v <= MAX_API_VERSION; v++) {
    out.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return out;
}
