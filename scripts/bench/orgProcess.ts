// The benchmark's Salesforce org: the org emulator in a process of its own (as a real org is elsewhere), so the
// service process's CPU and memory figures are the service's. Seeds Contacts and Leads with phones through the
// emulator's library, then tells its parent (IPC) where it listens. Exits when the parent disconnects.
//
//   fork('scripts/bench/orgProcess.ts', ['<contacts>', '<leads>', '<api daily limit>'])
import { startOrg } from '@switchboard/org-emulator';
import { contactValues, leadValues } from './people.ts';

export interface OrgReadyMessage {
  type: 'ready';
  baseUrl: string;
  seeded: { contacts: number; leads: number };
}

function count(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number of at least 0, got ${value}`);
  return n;
}

if (!process.send) {
  console.error('orgProcess.ts runs as a child of the benchmark (with an IPC channel), not on its own');
  process.exit(2);
}

try {
  const contacts = count(process.argv[2], 'the number of Contacts');
  const leads = count(process.argv[3], 'the number of Leads');
  const apiDailyLimit = count(process.argv[4], 'the daily API allowance');
  const org = await startOrg({ port: 0, apiDailyLimit });
  const admin = { userId: org.org.adminUserId };
  for (let i = 0; i < contacts; i++) org.org.create('Contact', contactValues(i), admin);
  for (let i = 0; i < leads; i++) org.org.create('Lead', leadValues(i), admin);
  const ready: OrgReadyMessage = { type: 'ready', baseUrl: org.baseUrl, seeded: { contacts, leads } };
  process.send(ready);
  process.once('disconnect', () => {
    org.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  });
} catch (error) {
  console.error(`the benchmark org could not start: ${(error as Error).message}`);
  process.exit(1);
}
