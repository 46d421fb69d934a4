// The real OAuth connect of a tenant, driven over HTTP as a browser does it: a connect link asked for with the
// tenant's key, the start redirect (which binds the attempt to this "browser" with a cookie), the org's login and
// consent page (the local org approves its seeded admin), and the callback carrying the cookie back.
// Used by `npm start` and by the benchmarks.

/** One step of a browser following redirects: the next location, and the cookies this answer set. */
async function follow(url: string, what: string): Promise<{ location: string; cookie: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) {
    throw new Error(`${what}: expected a redirect, got ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .join('; ');
  return { location, cookie };
}

export async function connectThroughOAuth(serviceUrl: string, apiKey: string): Promise<void> {
  const link = await fetch(`${serviceUrl}/v1/salesforce/connect-links`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ environment: 'production' })
  });
  if (link.status !== 201) throw new Error(`the connect link was refused: ${link.status} ${await link.text()}`);
  const { url } = (await link.json()) as { url: string };
  const start = await follow(url, 'the OAuth start');
  const consent = await follow(start.location, 'the org’s login and consent');
  const done = await fetch(consent.location, { headers: { cookie: start.cookie } });
  if (done.status !== 200) throw new Error(`the OAuth callback failed: ${done.status} ${await done.text()}`);
}
