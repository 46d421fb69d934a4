// Reading back what reached the org, after the measurement: how many Tasks there are and how many were matched to
// a Contact or Lead. Through jsforce as the org's admin (the emulator's connected app, client credentials), like
// any API client; these calls happen after the figures are taken, so they are not counted against the service.
import { Connection, OAuth2 } from 'jsforce';
import { SEEDED_CONNECTED_APP } from '@switchboard/org-emulator';

export interface TaskCounts {
  tasks: number;
  withWho: number;
}

export async function countTasks(orgUrl: string): Promise<TaskCounts> {
  const token = await new OAuth2({
    loginUrl: orgUrl,
    clientId: SEEDED_CONNECTED_APP.clientId,
    clientSecret: SEEDED_CONNECTED_APP.clientSecret
  }).requestToken({ grant_type: 'client_credentials' });
  const conn = new Connection({ instanceUrl: token.instance_url, accessToken: token.access_token, version: '67.0' });
  const tasks = await conn.query('SELECT COUNT() FROM Task');
  const withWho = await conn.query('SELECT COUNT() FROM Task WHERE WhoId != null');
  return { tasks: tasks.totalSize, withWho: withWho.totalSize };
}
