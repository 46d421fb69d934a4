// The org's records: by object and id, with lookup indexes (external-id, unique and idLookup fields, references,
// phone and email fields, and phone fields by their digits for SOSL), and an undo log so that a savepoint can be
// rolled back without copying the store (it may hold 100k+ records). Index lookups answer in the store's own
// order (insertion order), so a query served from an index returns rows exactly as a full scan would.
import type { FieldDef, Schema, StoredRecord } from './types.ts';

interface UndoEntry {
  typeKey: string;
  id: string;
  /** The record before the change; undefined when the change created it. */
  before: StoredRecord | undefined;
}

/**
 * Case-insensitive unless the field says otherwise, as Salesforce compares external ids and unique values. Text
 * folds to upper case, the same folding SOQL's `=` uses, so a query can be answered from the index.
 */
export function indexKey(f: FieldDef, value: string | number | boolean): string {
  const text = String(value);
  return f.caseSensitive || f.type === 'reference' ? text : text.toUpperCase();
}

/** Fields looked up by value: external ids, unique and idLookup fields. */
export function isIndexed(f: FieldDef): boolean {
  return f.name !== 'Id' && (f.externalId || f.unique || f.idLookup) && f.type !== 'boolean';
}

/** Lookups from child to parent, indexed so related records are found without scanning (the audit ones aren't). */
function isIndexedReference(f: FieldDef): boolean {
  return f.type === 'reference' && f.name !== 'CreatedById' && f.name !== 'LastModifiedById';
}

/** Fields a push integration matches on (`Phone IN (…)`, `Email = …`), indexed so those queries don't scan. */
function isIndexedContactPoint(f: FieldDef): boolean {
  return f.type === 'phone' || f.type === 'email';
}

/** Fields SOSL's PHONE FIELDS group searches, indexed by their digits. */
function isPhoneSearchField(f: FieldDef): boolean {
  return f.type === 'phone' || f.searchGroup === 'phone';
}

const phoneDigits = (value: string): string => value.replace(/\D/g, '');

export class RecordStore {
  private readonly byType = new Map<string, Map<string, StoredRecord>>();
  /** Records addressable by id alone; views that borrow another object's ids (ContentNote) are not. */
  private readonly byId = new Map<string, StoredRecord>();
  /** typeKey → field key → value key → ids. */
  private readonly indexes = new Map<string, Map<string, Map<string, Set<string>>>>();
  /** typeKey → digits of any phone-search field → ids (SOSL IN PHONE FIELDS). */
  private readonly phoneIndexes = new Map<string, Map<string, Set<string>>>();
  /** typeKey → id → insertion sequence: the order records were first stored in, which scans follow. */
  private readonly sequences = new Map<string, Map<string, number>>();
  private nextSequence = 0;
  private readonly undo: UndoEntry[] = [];
  private readonly savepoints = new Map<number, number>();
  private nextSavepoint = 1;
  private readonly schema: Schema;
  private readonly idOwner: (typeName: string) => boolean;

  /** `ownsIds(type)` is false for objects whose ids belong to another object. */
  constructor(schema: Schema, ownsIds: (typeName: string) => boolean) {
    this.schema = schema;
    this.idOwner = ownsIds;
  }

  get(typeName: string, id: string): StoredRecord | undefined {
    return this.byType.get(typeName.toLowerCase())?.get(id);
  }

  getById(id: string): StoredRecord | undefined {
    return this.byId.get(id);
  }

  records(typeName: string): Iterable<StoredRecord> {
    return this.byType.get(typeName.toLowerCase())?.values() ?? [];
  }

  count(typeName: string): number {
    return this.byType.get(typeName.toLowerCase())?.size ?? 0;
  }

  /** Ids of records of `typeName` whose reference field `field` holds `id` (children of a record). */
  referencing(typeName: string, field: string, id: string): string[] {
    const ids = this.indexes.get(typeName.toLowerCase())?.get(field.toLowerCase())?.get(id);
    return ids ? [...ids] : [];
  }

  /** Ids of records of `typeName` whose indexed field holds `value` (see indexKey). */
  lookup(typeName: string, f: FieldDef, value: string | number | boolean): string[] {
    const ids = this.indexes.get(typeName.toLowerCase())?.get(f.name.toLowerCase())?.get(indexKey(f, value));
    return ids ? [...ids] : [];
  }

  /** Whether `lookup` can answer for this field (it is indexed). */
  canLookUp(typeName: string, f: FieldDef): boolean {
    return this.indexedFields(typeName).some((indexed) => indexed.name === f.name);
  }

  /** Records of `typeName` whose indexed field holds any of `values`, in store order. */
  lookupMany(typeName: string, f: FieldDef, values: ReadonlyArray<string | number | boolean>): StoredRecord[] {
    const byValue = this.indexes.get(typeName.toLowerCase())?.get(f.name.toLowerCase());
    const ids = new Set<string>();
    for (const value of values) for (const id of byValue?.get(indexKey(f, value)) ?? []) ids.add(id);
    return this.inStoreOrder(typeName, ids);
  }

  /** Records of `typeName` with a phone-search field whose digits are one of `digits`, in store order. */
  byPhoneDigits(typeName: string, digits: Iterable<string>): StoredRecord[] {
    const byDigits = this.phoneIndexes.get(typeName.toLowerCase());
    const ids = new Set<string>();
    for (const d of digits) for (const id of byDigits?.get(d) ?? []) ids.add(id);
    return this.inStoreOrder(typeName, ids);
  }

  /** The records of `typeName` with these ids, in the order a scan of the object would meet them. */
  inStoreOrder(typeName: string, ids: Iterable<string>): StoredRecord[] {
    const typeKey = typeName.toLowerCase();
    const table = this.byType.get(typeKey);
    const sequence = this.sequences.get(typeKey);
    if (!table || !sequence) return [];
    const found: Array<{ record: StoredRecord; at: number }> = [];
    for (const id of ids) {
      const record = table.get(id);
      if (record) found.push({ record, at: sequence.get(id) ?? 0 });
    }
    return found.sort((a, b) => a.at - b.at).map((entry) => entry.record);
  }

  /** Inserts or replaces a record, remembering what it replaced while a savepoint is open. */
  put(record: StoredRecord): void {
    const typeKey = record.type.toLowerCase();
    const before = this.byType.get(typeKey)?.get(record.id);
    if (this.savepoints.size > 0) this.undo.push({ typeKey, id: record.id, before });
    this.write(typeKey, record, before);
  }

  /** Removes a record outright (only undo and data replacement do this: deletes are soft). */
  remove(typeName: string, id: string): void {
    const typeKey = typeName.toLowerCase();
    const before = this.byType.get(typeKey)?.get(id);
    if (!before) return;
    if (this.savepoints.size > 0) this.undo.push({ typeKey, id, before });
    this.erase(typeKey, before);
  }

  clear(): void {
    this.byType.clear();
    this.byId.clear();
    this.indexes.clear();
    this.phoneIndexes.clear();
    this.sequences.clear();
    this.undo.length = 0;
    this.savepoints.clear();
  }

  savepoint(): number {
    const token = this.nextSavepoint++;
    this.savepoints.set(token, this.undo.length);
    return token;
  }

  /** Undoes every change since the savepoint; the savepoint stays usable, later ones are closed. */
  rollback(token: number): void {
    const mark = this.savepoints.get(token);
    if (mark === undefined) throw new Error(`unknown or released savepoint ${token}`);
    while (this.undo.length > mark) {
      const entry = this.undo.pop()!;
      const current = this.byType.get(entry.typeKey)?.get(entry.id);
      if (entry.before) this.write(entry.typeKey, entry.before, current);
      else if (current) this.erase(entry.typeKey, current);
    }
    for (const t of [...this.savepoints.keys()]) if (t > token) this.savepoints.delete(t);
  }

  /** Forgets the savepoint (and any opened after it); the undo log is dropped once none is open. */
  release(token: number): void {
    if (!this.savepoints.has(token)) return;
    for (const t of [...this.savepoints.keys()]) if (t >= token) this.savepoints.delete(t);
    if (this.savepoints.size === 0) this.undo.length = 0;
  }

  private write(typeKey: string, record: StoredRecord, before: StoredRecord | undefined): void {
    let table = this.byType.get(typeKey);
    if (!table) {
      table = new Map();
      this.byType.set(typeKey, table);
    }
    if (before) this.unindex(typeKey, before);
    else {
      let sequence = this.sequences.get(typeKey);
      if (!sequence) {
        sequence = new Map();
        this.sequences.set(typeKey, sequence);
      }
      sequence.set(record.id, this.nextSequence++);
    }
    table.set(record.id, record);
    if (this.idOwner(record.type)) this.byId.set(record.id, record);
    this.index(typeKey, record);
  }

  private erase(typeKey: string, record: StoredRecord): void {
    this.unindex(typeKey, record);
    this.byType.get(typeKey)?.delete(record.id);
    this.sequences.get(typeKey)?.delete(record.id);
    if (this.byId.get(record.id) === record) this.byId.delete(record.id);
  }

  private readonly indexedFieldCache = new Map<string, FieldDef[]>();

  private indexedFields(typeName: string): FieldDef[] {
    const key = typeName.toLowerCase();
    let fields = this.indexedFieldCache.get(key);
    if (!fields) {
      fields = (this.schema.object(typeName)?.fields ?? []).filter(
        (f) => isIndexed(f) || isIndexedReference(f) || isIndexedContactPoint(f)
      );
      this.indexedFieldCache.set(key, fields);
    }
    return fields;
  }

  private readonly phoneFieldCache = new Map<string, FieldDef[]>();

  private phoneFields(typeName: string): FieldDef[] {
    const key = typeName.toLowerCase();
    let fields = this.phoneFieldCache.get(key);
    if (!fields) {
      fields = (this.schema.object(typeName)?.fields ?? []).filter(isPhoneSearchField);
      this.phoneFieldCache.set(key, fields);
    }
    return fields;
  }

  private index(typeKey: string, record: StoredRecord): void {
    this.indexPhones(typeKey, record, true);
    for (const f of this.indexedFields(record.type)) {
      const value = record.values[f.name];
      if (value === null || value === undefined) continue;
      let byField = this.indexes.get(typeKey);
      if (!byField) {
        byField = new Map();
        this.indexes.set(typeKey, byField);
      }
      const fieldKey = f.name.toLowerCase();
      let byValue = byField.get(fieldKey);
      if (!byValue) {
        byValue = new Map();
        byField.set(fieldKey, byValue);
      }
      const key = indexKey(f, value);
      let ids = byValue.get(key);
      if (!ids) {
        ids = new Set();
        byValue.set(key, ids);
      }
      ids.add(record.id);
    }
  }

  private indexPhones(typeKey: string, record: StoredRecord, add: boolean): void {
    const fields = this.phoneFields(record.type);
    if (fields.length === 0) return;
    const digitsOfRecord = new Set<string>();
    for (const f of fields) {
      const value = record.values[f.name];
      const digits = typeof value === 'string' ? phoneDigits(value) : '';
      if (digits !== '') digitsOfRecord.add(digits);
    }
    if (digitsOfRecord.size === 0) return;
    let byDigits = this.phoneIndexes.get(typeKey);
    if (!byDigits) {
      byDigits = new Map();
      this.phoneIndexes.set(typeKey, byDigits);
    }
    for (const digits of digitsOfRecord) {
      let ids = byDigits.get(digits);
      if (add) {
        if (!ids) {
          ids = new Set();
          byDigits.set(digits, ids);
        }
        ids.add(record.id);
      } else if (ids) {
        ids.delete(record.id);
        if (ids.size === 0) byDigits.delete(digits);
      }
    }
  }

  private unindex(typeKey: string, record: StoredRecord): void {
    this.indexPhones(typeKey, record, false);
    const byField = this.indexes.get(typeKey);
    if (!byField) return;
    for (const f of this.indexedFields(record.type)) {
      const value = record.values[f.name];
      if (value === null || value === undefined) continue;
      const byValue = byField.get(f.name.toLowerCase());
      const key = indexKey(f, value);
      const ids = byValue?.get(key);
      ids?.delete(record.id);
      if (ids && ids.size === 0) byValue?.delete(key);
    }
  }
}
