import { createMetrics } from './metrics.ts';

async function inboxGauge(metrics: ReturnType<typeof createMetrics>): Promise<Record<string, number>> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === 'switchboard_inbox_items');
  return Object.fromEntries((metric?.values ?? []).map((v) => [String(v.labels.status), v.value]));
}

describe('the inbox depth gauge', () => {
  it('when scraped again within the count’s lifetime, then the store is asked once; after it, again', async () => {
    let now = 1_000_000;
    let queued = 3;
    let counts = 0;
    const metrics = createMetrics({
      countInboxByStatus: async () => {
        counts += 1;
        return { queued, logged: 7 };
      },
      inboxCountMaxAgeMs: 10_000,
      clock: () => now
    });

    expect(await inboxGauge(metrics)).toMatchObject({ queued: 3, logged: 7, failed: 0 });
    queued = 4;
    now += 9_999;
    await Promise.all([inboxGauge(metrics), inboxGauge(metrics)]);
    expect(await inboxGauge(metrics)).toMatchObject({ queued: 3 });
    expect(counts).toBe(1);

    now += 1;
    expect(await inboxGauge(metrics)).toMatchObject({ queued: 4 });
    expect(counts).toBe(2);
  });

  it('when the store fails to count, then the scrape answers with the last values and the next scrape asks again at once', async () => {
    let now = 0;
    let fail = false;
    let counts = 0;
    const metrics = createMetrics({
      countInboxByStatus: async () => {
        counts += 1;
        if (fail) throw new Error('the store is down');
        return { queued: counts };
      },
      inboxCountMaxAgeMs: 10_000,
      clock: () => now
    });
    expect(await inboxGauge(metrics)).toMatchObject({ queued: 1 });
    now += 10_000;
    fail = true;
    expect(await inboxGauge(metrics)).toMatchObject({ queued: 1 });
    fail = false;
    expect(await inboxGauge(metrics)).toMatchObject({ queued: 3 });
    expect(counts).toBe(3);
  });
});
