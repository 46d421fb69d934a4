// The one place that spells Salesforce API names. Logical names (externalActivityId, syncStatus, recordingUrl, …)
// map to the package's fields with the subscriber org's namespace prefix (SALESFORCE_NAMESPACE), and to the
// standard objects and fields the service reads and writes. Nothing else in the service writes a custom field
// name; SOQL and SOSL are built from these names plus escaped values (queryText.ts).

/** Package fields on Activity (Task and Event), without namespace. */
const ACTIVITY_FIELDS = {
  externalActivityId: 'External_Activity_Id__c',
  channel: 'Channel__c',
  direction: 'Direction__c',
  callOutcome: 'Call_Outcome__c',
  occurredAt: 'Occurred_At__c',
  lineNumber: 'Line_Number__c',
  counterpartyNumber: 'Counterparty_Number__c',
  recordingUrl: 'Recording_Url__c',
  conversationUrl: 'Conversation_Url__c',
  provider: 'Provider__c',
  handledBy: 'Handled_By__c',
  topics: 'Topics__c',
  tags: 'Tags__c'
} as const;

/** Package fields on Lead and Contact (people sync), without namespace. */
const PERSON_FIELDS = {
  externalId: 'External_Id__c',
  syncStatus: 'Sync_Status__c',
  syncError: 'Sync_Error__c',
  lastSyncedAt: 'Last_Synced_At__c'
} as const;

/** Restricted picklist values of the package fields (API values, identical to the labels shipped). */
export const PICKLIST_VALUES = {
  channel: { call: 'Call', textMessage: 'Text Message', meeting: 'Meeting', email: 'Email', voicemail: 'Voicemail' },
  direction: { inbound: 'Inbound', outbound: 'Outbound' },
  callOutcome: {
    answered: 'Answered',
    missed: 'Missed',
    voicemail: 'Voicemail',
    noAnswer: 'No Answer',
    busy: 'Busy',
    failed: 'Failed'
  },
  handledBy: { human: 'Human', aiAgent: 'AI agent' },
  syncStatus: { pending: 'Pending', synced: 'Synced', error: 'Error', excluded: 'Excluded' }
} as const;

/** Standard values the service writes on a call Task. */
export const TASK_VALUES = {
  status: { completed: 'Completed' },
  callType: { inbound: 'Inbound', outbound: 'Outbound' },
  taskSubtype: { call: 'Call' }
} as const;

/** Field sizes the writer must respect (Salesforce refuses longer values with STRING_TOO_LONG). */
export const FIELD_LENGTHS = {
  subject: 255,
  description: 32_000,
  url: 255,
  provider: 80,
  text: 255,
  phone: 40,
  externalId: 255
} as const;

type Mapped<T extends Record<string, string>> = { readonly [K in keyof T]: string };

function prefixed<T extends Record<string, string>>(fields: T, namespace: string): Mapped<T> {
  const prefix = namespace ? `${namespace}__` : '';
  return Object.fromEntries(Object.entries(fields).map(([logical, name]) => [logical, prefix + name])) as Mapped<T>;
}

export interface SalesforceSchema {
  readonly namespace: string;
  readonly task: {
    readonly object: 'Task';
    readonly fields: Mapped<typeof ACTIVITY_FIELDS> & {
      readonly id: 'Id';
      readonly subject: 'Subject';
      readonly description: 'Description';
      readonly status: 'Status';
      readonly activityDate: 'ActivityDate';
      readonly whoId: 'WhoId';
      readonly whatId: 'WhatId';
      readonly taskSubtype: 'TaskSubtype';
      readonly callType: 'CallType';
      readonly callDurationInSeconds: 'CallDurationInSeconds';
    };
  };
  readonly contact: {
    readonly object: 'Contact';
    readonly fields: Mapped<typeof PERSON_FIELDS> & {
      readonly id: 'Id';
      readonly name: 'Name';
      readonly phone: 'Phone';
      readonly mobilePhone: 'MobilePhone';
    };
  };
  readonly lead: {
    readonly object: 'Lead';
    readonly fields: Mapped<typeof PERSON_FIELDS> & {
      readonly id: 'Id';
      readonly name: 'Name';
      readonly phone: 'Phone';
      readonly mobilePhone: 'MobilePhone';
      readonly isConverted: 'IsConverted';
    };
  };
}

export function salesforceSchema(namespace: string): SalesforceSchema {
  if (!/^(?:[A-Za-z](?:[A-Za-z0-9]|_(?!_)){0,14})?$/.test(namespace)) {
    throw new Error(`not a namespace prefix: ${JSON.stringify(namespace)}`);
  }
  const person = prefixed(PERSON_FIELDS, namespace);
  return {
    namespace,
    task: {
      object: 'Task',
      fields: {
        ...prefixed(ACTIVITY_FIELDS, namespace),
        id: 'Id',
        subject: 'Subject',
        description: 'Description',
        status: 'Status',
        activityDate: 'ActivityDate',
        whoId: 'WhoId',
        whatId: 'WhatId',
        taskSubtype: 'TaskSubtype',
        callType: 'CallType',
        callDurationInSeconds: 'CallDurationInSeconds'
      }
    },
    contact: {
      object: 'Contact',
      fields: { ...person, id: 'Id', name: 'Name', phone: 'Phone', mobilePhone: 'MobilePhone' }
    },
    lead: {
      object: 'Lead',
      fields: {
        ...person,
        id: 'Id',
        name: 'Name',
        phone: 'Phone',
        mobilePhone: 'MobilePhone',
        isConverted: 'IsConverted'
      }
    }
  };
}
