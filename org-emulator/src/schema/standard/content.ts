// Salesforce Files and Notes. A ContentNote is a ContentDocument of file type SNOTE: it has the document's 069 id,
// and every save of its Content makes a ContentVersion (068). ContentDocumentLink (06A) shares a document with a
// record. The data model keeps the three in step.
import type { SObjectDef } from '../../model/types.ts';
import {
  auditFields,
  checkbox,
  createdById,
  createdDate,
  CREATE_ONLY,
  date,
  datetime,
  field,
  idField,
  int,
  isDeletedField,
  lastModifiedById,
  lastModifiedDate,
  lastReferencedDate,
  lastViewedDate,
  ownerField,
  picklist,
  READ_ONLY,
  reference,
  REQUIRED,
  systemModstamp,
  text,
  textArea,
  url
} from '../fields.ts';
import { sobject } from '../objects.ts';

const PUBLISH_STATUSES = ['U', 'P', 'R'];
const SHARING_OPTIONS = ['A', 'R'];
const SHARING_PRIVACY = ['N', 'P'];
export const SHARE_TYPES = ['V', 'C', 'I'];
export const VISIBILITIES = ['AllUsers', 'InternalUsers', 'SharedUsers'];

export function contentDocumentObject(): SObjectDef {
  return sobject(
    'ContentDocument',
    'Content Document',
    'Content Documents',
    '069',
    [
      idField('ContentDocument ID'),
      createdById(),
      createdDate(),
      lastModifiedById(),
      lastModifiedDate(),
      checkbox('IsArchived', false, { label: 'Is Archived', ...READ_ONLY }),
      reference('ArchivedById', ['User'], 'ArchivedBy', { label: 'User ID', ...READ_ONLY }),
      date('ArchivedDate', { label: 'Archived Date', ...READ_ONLY }),
      isDeletedField(),
      ownerField(['User'], 'Owner ID'),
      systemModstamp(),
      text('Title', 255, { ...REQUIRED, nameField: true, searchGroup: 'name' }),
      picklist('PublishStatus', PUBLISH_STATUSES, {
        label: 'Publish Status',
        nillable: false,
        restrictedPicklist: true,
        ...READ_ONLY
      }),
      reference('LatestPublishedVersionId', ['ContentVersion'], 'LatestPublishedVersion', {
        label: 'Latest Published Version ID',
        ...READ_ONLY
      }),
      lastViewedDate(),
      lastReferencedDate(),
      textArea('Description', 1000),
      int('ContentSize', 10, { label: 'Size', ...READ_ONLY }),
      text('FileType', 20, { label: 'File Type', ...READ_ONLY, searchGroup: null }),
      text('FileExtension', 40, { label: 'File Extension', ...READ_ONLY, searchGroup: null }),
      picklist('SharingOption', SHARING_OPTIONS, { label: 'Prevent others from sharing and unsharing', ...READ_ONLY }),
      picklist('SharingPrivacy', SHARING_PRIVACY, { label: 'File Privacy on Records', ...READ_ONLY }),
      datetime('ContentModifiedDate', { label: 'Content Modified Date', ...READ_ONLY })
    ],
    // Documents are created through ContentVersion (or ContentNote), never directly.
    { createable: false, mruEnabled: true }
  );
}

export function contentVersionObject(): SObjectDef {
  return sobject(
    'ContentVersion',
    'Content Version',
    'Content Versions',
    '068',
    [
      idField('ContentVersion ID'),
      reference('ContentDocumentId', ['ContentDocument'], 'ContentDocument', {
        label: 'ContentDocument ID',
        ...CREATE_ONLY,
        defaultedOnCreate: true,
        childRelationshipName: 'ContentVersions',
        cascadeDelete: true
      }),
      checkbox('IsLatest', false, { label: 'Is Latest', ...READ_ONLY }),
      url('ContentUrl', 1300, { label: 'Content URL' }),
      text('VersionNumber', 20, { label: 'Version Number', ...READ_ONLY }),
      text('Title', 255, { nillable: false, defaultedOnCreate: true, nameField: true, searchGroup: 'name' }),
      textArea('Description', 1000),
      text('ReasonForChange', 1000, { label: 'Reason For Change' }),
      picklist('SharingOption', SHARING_OPTIONS, {
        label: 'Prevent others from sharing and unsharing',
        nillable: false,
        default: 'A',
        restrictedPicklist: true
      }),
      picklist('SharingPrivacy', SHARING_PRIVACY, {
        label: 'File Privacy on Records',
        nillable: false,
        default: 'N',
        restrictedPicklist: true
      }),
      text('PathOnClient', 500, { label: 'Path On Client', ...CREATE_ONLY }),
      isDeletedField(),
      datetime('ContentModifiedDate', { label: 'Content Modified Date', ...READ_ONLY }),
      reference('ContentModifiedById', ['User'], 'ContentModifiedBy', { label: 'User ID', ...READ_ONLY }),
      ownerField(['User'], 'Owner ID'),
      ...auditFields(),
      textArea('TagCsv', 2000, { label: 'Tags' }),
      text('FileType', 20, { label: 'File Type', ...READ_ONLY, searchGroup: null }),
      picklist('PublishStatus', PUBLISH_STATUSES, {
        label: 'Publish Status',
        nillable: false,
        restrictedPicklist: true,
        ...READ_ONLY
      }),
      field('VersionData', 'base64', { label: 'Version Data', ...CREATE_ONLY }),
      int('ContentSize', 10, { label: 'Size', ...READ_ONLY }),
      text('FileExtension', 40, { label: 'File Extension', ...READ_ONLY, searchGroup: null }),
      reference(
        'FirstPublishLocationId',
        ['Account', 'Case', 'Contact', 'Lead', 'Opportunity', 'User'],
        'FirstPublishLocation',
        {
          label: 'First Publish Location ID',
          ...CREATE_ONLY,
          namePointing: true
        }
      ),
      picklist('Origin', ['C', 'H'], {
        label: 'Content Origin',
        ...CREATE_ONLY,
        default: 'C',
        restrictedPicklist: true
      }),
      picklist('ContentLocation', ['S', 'E', 'L'], {
        label: 'Content Location',
        ...CREATE_ONLY,
        default: 'S',
        restrictedPicklist: true
      }),
      text('TextPreview', 255, { label: 'Text Preview', ...READ_ONLY }),
      text('Checksum', 50, { ...READ_ONLY, searchGroup: null }),
      checkbox('IsMajorVersion', true, { label: 'Major Version', ...CREATE_ONLY, defaultedOnCreate: true })
    ],
    { deletable: false, undeletable: false }
  );
}

export function contentNoteObject(): SObjectDef {
  return sobject(
    'ContentNote',
    'Note',
    'Notes',
    // A note is its ContentDocument: the ids are 069 ids.
    '069',
    [
      idField('ContentNote ID'),
      isDeletedField(),
      createdDate(),
      createdById(),
      lastModifiedDate(),
      lastModifiedById(),
      lastViewedDate(),
      ownerField(['User'], 'Owner ID'),
      text('Title', 255, { ...REQUIRED, nameField: true, searchGroup: 'name' }),
      // Base64 of the note body (HTML or plain text, HTML-escaped).
      field('Content', 'base64', { label: 'Content' }),
      datetime('ContentModifiedDate', { label: 'Content Modified Date', ...READ_ONLY }),
      int('ContentSize', 10, { label: 'Size', ...READ_ONLY }),
      text('FileExtension', 40, { label: 'File Extension', ...READ_ONLY, searchGroup: null }),
      text('FileType', 20, { label: 'File Type', ...READ_ONLY, searchGroup: null }),
      checkbox('IsReadOnly', false, { label: 'Is Read Only', ...READ_ONLY }),
      reference('LatestPublishedVersionId', ['ContentVersion'], 'LatestPublishedVersion', {
        label: 'Latest Published Version ID',
        ...READ_ONLY
      }),
      picklist('SharingPrivacy', SHARING_PRIVACY, { label: 'Sharing Privacy', ...READ_ONLY }),
      text('TextPreview', 255, { label: 'Text Preview', ...READ_ONLY })
    ],
    { mruEnabled: false, replicateable: false, triggerable: false }
  );
}

/** LinkedEntityId targets are filled in when the schema is assembled (every object that can own files). */
export function contentDocumentLinkObject(): SObjectDef {
  return sobject(
    'ContentDocumentLink',
    'Content Document Link',
    'Content Document Link',
    '06A',
    [
      idField('ContentDocumentLink ID'),
      reference('LinkedEntityId', [], 'LinkedEntity', {
        label: 'Linked Entity ID',
        ...REQUIRED,
        ...CREATE_ONLY,
        namePointing: true,
        childRelationshipName: 'ContentDocumentLinks',
        cascadeDelete: true
      }),
      reference('ContentDocumentId', ['ContentDocument'], 'ContentDocument', {
        label: 'Content Document ID',
        ...REQUIRED,
        ...CREATE_ONLY,
        childRelationshipName: 'ContentDocumentLinks',
        cascadeDelete: true
      }),
      isDeletedField(),
      systemModstamp(),
      picklist('ShareType', SHARE_TYPES, { label: 'Share Type', restrictedPicklist: true, default: 'V' }),
      picklist('Visibility', VISIBILITIES, { restrictedPicklist: true, default: 'AllUsers' })
    ],
    { searchable: false, layoutable: false, mruEnabled: false, undeletable: false, replicateable: false }
  );
}
