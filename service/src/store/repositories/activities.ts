// activities: the durable inbox. Every accepted push is a row here, committed before the push is answered.
// This module is the intake side (accept, read status); the worker side (claim, complete, replay) is ../inbox.ts.
import type { StoreContext } from '../context.ts';
import { inTransaction, parseJson } from '../context.ts';
import type { ActivityStatus } from '../schema.ts';
import { createWebhookReceiptRepository } from './webhookReceipts.ts';

export interface IncomingActivity {
  activityId: string;
  type: string;
  payload: unknown;
  /** SHA-256 of the canonical JSON of the payload. */
  contentHash: string;
}

export type IntakeOutcome =
  | { activityId: string; status: 'queued' | 'updated' | 'duplicate'; version: number }
  /** The id was first pushed with another type; a type never changes. */
  | { activityId: string; status: 'type_conflict'; existingType: string }
  /** A replayed webhook-id carries an activity its first delivery did not store (the sender changed the body). */
  | { activityId: string; status: 'not_in_first_delivery' };

/**
 * `replayed`: the webhook-id was delivered before. Nothing was written; each item is reported as it stands
 * (`duplicate` when stored), so a sender retrying a request it saw no answer to gets its 2xx.
 */
export type IntakeResult = { replayed: boolean; outcomes: IntakeOutcome[] };

export interface ActivityError {
  code: string;
  message: string;
  /** The Salesforce fields the error names, when it names any. */
  fields?: string[];
}

export interface SalesforceRecordRef {
  /** The sObject API name, e.g. Task. */
  object: string;
  id: string;
}

export interface ActivityRecord {
  tenantId: string;
  activityId: string;
  type: string;
  version: number;
  status: ActivityStatus;
  attempts: number;
  payload: unknown;
  dueAt: number | null;
  lastError?: ActivityError;
  skip?: { rule: string; reason?: string };
  salesforceRecords?: SalesforceRecordRef[];
  receivedAt: number;
  updatedAt: number;
  processedAt: number | null;
}

export function createActivityRepository(ctx: StoreContext) {
  return {
    /**
     * Stores a push in one transaction: new ids are queued, changed content becomes a new version (re-queued
     * whatever its state, even mid-flight), identical content is a duplicate. With `webhookId`, the receipt is
     * recorded in the same transaction, and a replayed id writes nothing.
     */
    async accept(
      tenantId: string,
      items: IncomingActivity[],
      options: { webhookId?: string } = {}
    ): Promise<IntakeResult> {
      return inTransaction(ctx, async (trx): Promise<IntakeResult> => {
        if (options.webhookId !== undefined) {
          const fresh = await createWebhookReceiptRepository(trx).record(tenantId, options.webhookId);
          if (!fresh) return { replayed: true, outcomes: await describeReplay(trx, tenantId, items) };
        }
        return { replayed: false, outcomes: await acceptItems(trx, tenantId, items) };
      });
    },

    async get(tenantId: string, activityId: string): Promise<ActivityRecord | undefined> {
      const row = await ctx.db
        .selectFrom('activities')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('activity_id', '=', activityId)
        .executeTakeFirst();
      return row && toActivityRecord(row);
    },

    /** Inbox depth across all tenants, for the metrics gauge. */
    async countByStatus(): Promise<Record<string, number>> {
      const rows = await ctx.db
        .selectFrom('activities')
        .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
    }
  };
}

/** A replayed delivery writes nothing: each item is reported from what the first delivery stored. */
async function describeReplay(
  ctx: StoreContext,
  tenantId: string,
  items: IncomingActivity[]
): Promise<IntakeOutcome[]> {
  const ids = [...new Set(items.map((item) => item.activityId))];
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('activities')
          .select(['activity_id', 'type', 'version'])
          .where('tenant_id', '=', tenantId)
          .where('activity_id', 'in', ids)
          .execute();
  const stored = new Map(rows.map((row) => [row.activity_id, row]));
  return items.map((item): IntakeOutcome => {
    const row = stored.get(item.activityId);
    if (!row) return { activityId: item.activityId, status: 'not_in_first_delivery' };
    if (row.type !== item.type) {
      return { activityId: item.activityId, status: 'type_conflict', existingType: row.type };
    }
    return { activityId: item.activityId, status: 'duplicate', version: row.version };
  });
}

// 17 bound values per row: 250 rows stay far below SQLite's (32,766) and PostgreSQL's (65,535) parameter limits.
const INSERT_ROWS_PER_STATEMENT = 250;

function chunksOf<T>(values: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}

async function acceptItems(ctx: StoreContext, tenantId: string, items: IncomingActivity[]): Promise<IntakeOutcome[]> {
  const now = ctx.clock();
  const ids = [...new Set(items.map((item) => item.activityId))];
  type Current = { type: string; contentHash: string; version: number };
  const current = new Map<string, Current>();
  // Lock the rows this push touches, in a fixed order so two concurrent pushes cannot deadlock each other.
  const selectCurrent = (activityIds: string[]) =>
    ctx.db
      .selectFrom('activities')
      .select(['activity_id', 'type', 'content_hash', 'version'])
      .where('tenant_id', '=', tenantId)
      .where('activity_id', 'in', activityIds)
      .orderBy('activity_id')
      .$if(ctx.engine === 'postgres', (qb) => qb.forUpdate())
      .execute();
  if (ids.length > 0) {
    for (const row of await selectCurrent(ids)) {
      current.set(row.activity_id, { type: row.type, contentHash: row.content_hash, version: row.version });
    }
  }

  // New ids go in with one multi-row INSERT (the first occurrence of each; a repeat inside the same push is then
  // compared with it like any re-push). ON CONFLICT DO NOTHING: a concurrent push may have inserted one since
  // our read (PostgreSQL only); those are re-read below and treated as existing. Rows go in sorted by id, so
  // two concurrent pushes wait on each other's unique-index entries in one order and cannot deadlock.
  const firstOfNewIds = new Map<string, IncomingActivity>();
  for (const item of items) {
    if (!current.has(item.activityId) && !firstOfNewIds.has(item.activityId)) {
      firstOfNewIds.set(item.activityId, item);
    }
  }
  const inserted = new Set<string>();
  for (const chunk of chunksOf(
    [...firstOfNewIds.values()].sort((a, b) =>
      a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0
    ),
    INSERT_ROWS_PER_STATEMENT
  )) {
    const rows = await ctx.db
      .insertInto('activities')
      .values(
        chunk.map((item) => ({
          tenant_id: tenantId,
          activity_id: item.activityId,
          type: item.type,
          version: 1,
          content_hash: item.contentHash,
          payload: JSON.stringify(item.payload),
          status: 'queued' as const,
          attempts: 0,
          due_at: now,
          claim_id: null,
          last_error: null,
          skip_rule: null,
          skip_reason: null,
          salesforce_records: null,
          received_at: now,
          updated_at: now,
          processed_at: null
        }))
      )
      .onConflict((oc) => oc.columns(['tenant_id', 'activity_id']).doNothing())
      .returning('activity_id')
      .execute();
    for (const row of rows) inserted.add(row.activity_id);
  }
  const raced = [...firstOfNewIds.keys()].filter((activityId) => !inserted.has(activityId));
  if (raced.length > 0) {
    for (const row of await selectCurrent(raced)) {
      current.set(row.activity_id, { type: row.type, contentHash: row.content_hash, version: row.version });
    }
  }

  const outcomes: IntakeOutcome[] = [];
  for (const item of items) {
    const firstNew = firstOfNewIds.get(item.activityId);
    if (firstNew === item && inserted.has(item.activityId)) {
      current.set(item.activityId, { type: item.type, contentHash: item.contentHash, version: 1 });
      outcomes.push({ activityId: item.activityId, status: 'queued', version: 1 });
      continue;
    }
    const existing = current.get(item.activityId);
    if (!existing) throw new Error('an activity row vanished inside its intake transaction');

    if (existing.type !== item.type) {
      outcomes.push({ activityId: item.activityId, status: 'type_conflict', existingType: existing.type });
    } else if (existing.contentHash === item.contentHash) {
      outcomes.push({ activityId: item.activityId, status: 'duplicate', version: existing.version });
    } else {
      const updated = await ctx.db
        .updateTable('activities')
        .set((eb) => ({
          version: eb('version', '+', 1),
          content_hash: item.contentHash,
          payload: JSON.stringify(item.payload),
          status: 'queued',
          attempts: 0,
          due_at: now,
          claim_id: null,
          last_error: null,
          skip_rule: null,
          skip_reason: null,
          updated_at: now
        }))
        .where('tenant_id', '=', tenantId)
        .where('activity_id', '=', item.activityId)
        .returning('version')
        .executeTakeFirstOrThrow();
      current.set(item.activityId, { type: item.type, contentHash: item.contentHash, version: updated.version });
      outcomes.push({ activityId: item.activityId, status: 'updated', version: updated.version });
    }
  }
  return outcomes;
}

export function toActivityRecord(row: {
  tenant_id: string;
  activity_id: string;
  type: string;
  version: number;
  status: ActivityStatus;
  attempts: number;
  payload: string;
  due_at: number | null;
  last_error: string | null;
  skip_rule: string | null;
  skip_reason: string | null;
  salesforce_records: string | null;
  received_at: number;
  updated_at: number;
  processed_at: number | null;
}): ActivityRecord {
  const lastError = parseJson<ActivityError>(row.last_error);
  const salesforceRecords = parseJson<SalesforceRecordRef[]>(row.salesforce_records);
  return {
    tenantId: row.tenant_id,
    activityId: row.activity_id,
    type: row.type,
    version: row.version,
    status: row.status,
    attempts: row.attempts,
    payload: JSON.parse(row.payload) as unknown,
    dueAt: row.due_at,
    ...(lastError ? { lastError } : {}),
    ...(row.skip_rule !== null
      ? { skip: { rule: row.skip_rule, ...(row.skip_reason !== null ? { reason: row.skip_reason } : {}) } }
      : {}),
    ...(salesforceRecords ? { salesforceRecords } : {}),
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    processedAt: row.processed_at
  };
}

export type ActivityRepository = ReturnType<typeof createActivityRepository>;
