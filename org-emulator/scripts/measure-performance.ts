// Performance sanity for benchmarks: loads an org with 50,000 Leads and 50,000 Contacts (the repository's
// force-app, phone numbers in mixed human formats, External_Id__c set), then times, through jsforce over HTTP, the
// lookups a push integration makes: SOQL on Phone IN (…), External ID equality and Id IN (…), a SOSL phone search,
// single and collection upserts by External ID. Prints a table of medians and 95th percentiles.
//
//   node_modules/.bin/node org-emulator/scripts/measure-performance.ts [records per object, default 50000]
import { Connection, OAuth2 } from 'jsforce';
import { startOrg } from '../src/index.ts';

const PER_OBJECT = Number(process.argv[2] ?? 50_000);
const RUNS = 30;

const formats = [
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => `+1 ${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => d
];
const digitsOf = (i: number): string => `415${String(1_000_000 + i).slice(1)}`.padEnd(10, '0');
const phoneOf = (i: number): string => formats[i % formats.length]!(digitsOf(i));

const org = await startOrg({ port: 0, apiDailyLimit: 10_000_000 });
try {
  const admin = { userId: org.org.adminUserId };
  let started = performance.now();
  for (let i = 0; i < PER_OBJECT; i++) {
    org.org.create(
      'Lead',
      { LastName: `Lead ${i}`, Company: `Company ${i % 997}`, Phone: phoneOf(i), External_Id__c: `L-${i}` },
      admin
    );
  }
  const leadLoad = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < PER_OBJECT; i++) {
    org.org.create(
      'Contact',
      { LastName: `Contact ${i}`, MobilePhone: phoneOf(PER_OBJECT + i), External_Id__c: `C-${i}` },
      admin
    );
  }
  const contactLoad = performance.now() - started;
  console.log(
    `loaded ${PER_OBJECT} Leads in ${(leadLoad / 1000).toFixed(1)} s, ${PER_OBJECT} Contacts in ${(contactLoad / 1000).toFixed(1)} s`
  );

  const oauth2 = new OAuth2({
    loginUrl: org.baseUrl,
    clientId: 'switchboard-local',
    clientSecret: 'switchboard-local-secret',
    redirectUri: `${org.baseUrl}/callback`
  });
  const conn = new Connection({ oauth2, version: '62.0' });
  await conn.login('admin@switchboard.test', 'switchboard');

  const someLeads = (await conn.query<{ Id: string }>(`SELECT Id FROM Lead WHERE Company = 'Company 7'`)).records;
  const ids200 = someLeads.slice(0, 50).map((r) => `'${r.Id}'`);
  while (ids200.length < 200) ids200.push(`'00Q000000000000AAA'`);

  let n = 0;
  const pick = (): number => (n = (n * 7919 + 104_729) % PER_OBJECT);
  const phones = (count: number): string => Array.from({ length: count }, () => `'${phoneOf(pick())}'`).join(', ');
  const cases: Array<[string, () => PromiseLike<unknown>]> = [
    [
      'SOQL Lead WHERE Phone IN (10 formatted numbers)',
      () => conn.query(`SELECT Id, Name, Phone FROM Lead WHERE Phone IN (${phones(10)})`)
    ],
    [
      'SOQL Lead WHERE Phone IN (…) OR MobilePhone IN (…)',
      () => conn.query(`SELECT Id FROM Lead WHERE Phone IN (${phones(10)}) OR MobilePhone IN (${phones(10)})`)
    ],
    [
      'SOQL Contact WHERE External_Id__c = …',
      () => conn.query(`SELECT Id, Name FROM Contact WHERE External_Id__c = 'C-${pick()}'`)
    ],
    [
      'SOQL Lead WHERE Id IN (200 ids)',
      () => conn.query(`SELECT Id, Name FROM Lead WHERE Id IN (${ids200.join(',')})`)
    ],
    [
      'SOQL Lead WHERE Email = … (indexed)',
      () => conn.query(`SELECT Id FROM Lead WHERE Email = 'x${pick()}@example.com'`)
    ],
    [
      'SOQL Lead WHERE Title = … (no index: a full scan)',
      () => conn.query(`SELECT Id FROM Lead WHERE Title = 'T${pick()}'`)
    ],
    [
      'SOSL FIND {digits} IN PHONE FIELDS RETURNING Lead, Contact',
      () =>
        conn.search(`FIND {${digitsOf(pick())}} IN PHONE FIELDS RETURNING Lead(Id, Phone), Contact(Id, MobilePhone)`)
    ],
    [
      'SOSL FIND {name} IN NAME FIELDS RETURNING Lead, Contact',
      () => conn.search(`FIND {Lead ${pick()}} IN NAME FIELDS RETURNING Lead(Id), Contact(Id)`)
    ],
    [
      'GET sobjects/Lead/External_Id__c/{value}',
      () => conn.request(`/services/data/v62.0/sobjects/Lead/External_Id__c/L-${pick()}`)
    ],
    [
      'PATCH upsert one Contact by External_Id__c (update)',
      () => conn.sobject('Contact').upsert({ External_Id__c: `C-${pick()}`, Title: 'Measured' }, 'External_Id__c')
    ],
    [
      'PATCH composite/sobjects upsert 200 Leads by External_Id__c',
      () =>
        conn.sobject('Lead').upsert(
          Array.from({ length: 200 }, () => ({ External_Id__c: `L-${pick()}`, LastName: 'Upserted', Company: 'U' })),
          'External_Id__c'
        )
    ]
  ];

  const rows: Array<[string, string, string]> = [];
  for (const [name, run] of cases) {
    await run(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push([name, times[Math.floor(RUNS / 2)]!.toFixed(1), times[Math.floor(RUNS * 0.95)]!.toFixed(1)]);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'call'.padEnd(width)}  median ms  p95 ms`);
  for (const [name, median, p95] of rows)
    console.log(`${name.padEnd(width)}  ${median.padStart(9)}  ${p95.padStart(6)}`);
} finally {
  await org.close();
}
