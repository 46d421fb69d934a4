// Notes and files. A ContentNote is its ContentDocument (same 069 id, file type SNOTE); each save of a note's
// Content adds a ContentVersion. A ContentVersion without a ContentDocumentId starts a new document. Every
// document is linked to its owner, and to the FirstPublishLocationId record when one is given.
import { formatDateTime } from '../dates.ts';
import { requiredFieldsMissing } from '../dml-errors.ts';
import type { FieldValues } from '../types.ts';
import type { ObjectRules, SaveContext } from './context.ts';
import { str } from './context.ts';

const NOTE_FILE_TYPE = 'SNOTE';
const NOTE_EXTENSION = 'snote';

function decodedText(base64: string | null): string {
  return base64 ? Buffer.from(base64, 'base64').toString('utf8') : '';
}

/** A note's preview: its text without markup, entities decoded, at most 255 characters. */
export function textPreview(content: string): string | null {
  const text = content
    .replace(/<br\s*\/?>|<\/p>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text.slice(0, 255);
}

const FILE_TYPES: Record<string, string> = {
  pdf: 'PDF',
  txt: 'TEXT',
  csv: 'CSV',
  png: 'PNG',
  jpg: 'JPG',
  jpeg: 'JPEG',
  gif: 'GIF',
  doc: 'WORD',
  docx: 'WORD_X',
  xls: 'EXCEL',
  xlsx: 'EXCEL_X',
  html: 'HTML',
  json: 'JSON',
  mp3: 'MP3',
  wav: 'WAV',
  mp4: 'MP4',
  zip: 'ZIP',
  snote: NOTE_FILE_TYPE
};

function extensionOf(path: string | null): string | null {
  const m = path ? /\.([A-Za-z0-9]+)$/.exec(path) : null;
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Makes a version the document's latest and refreshes the document's copy of its facts. */
function publishVersion(ctx: SaveContext, documentId: string, versionValues: FieldValues): string {
  const versions = ctx.data.children('ContentVersion', 'ContentDocumentId', documentId);
  for (const p of versions) {
    if (p.values['IsLatest'] === true) ctx.data.updateSystem('ContentVersion', p.id, { IsLatest: false }, ctx.userId);
  }
  const number = versions.length + 1;
  return ctx.data.insertSystem(
    'ContentVersion',
    { ...versionValues, ContentDocumentId: documentId, IsLatest: true, VersionNumber: String(number) },
    ctx.userId
  );
}

function documentFacts(values: FieldValues, now: number): FieldValues {
  return {
    Title: values['Title'] ?? null,
    FileType: values['FileType'] ?? null,
    FileExtension: values['FileExtension'] ?? null,
    ContentSize: values['ContentSize'] ?? null,
    ContentModifiedDate: formatDateTime(now)
  };
}

export const contentNoteRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    const text = decodedText(str(v, 'Content'));
    v['FileType'] = NOTE_FILE_TYPE;
    v['FileExtension'] = NOTE_EXTENSION;
    v['ContentSize'] = Buffer.byteLength(text, 'utf8');
    v['TextPreview'] = textPreview(text);
    v['IsReadOnly'] = false;
    v['SharingPrivacy'] = v['SharingPrivacy'] ?? 'N';
    if (ctx.op === 'insert' || ctx.changed.has('Content') || ctx.changed.has('Title')) {
      v['ContentModifiedDate'] = formatDateTime(ctx.now);
    }
  },
  afterSave(ctx): void {
    const v = ctx.values;
    if (ctx.op === 'update' && !ctx.changed.has('Content') && !ctx.changed.has('Title')) return;
    const facts = documentFacts(v, ctx.now);
    if (ctx.op === 'insert') {
      ctx.data.insertSystem(
        'ContentDocument',
        { ...facts, OwnerId: v['OwnerId'] ?? ctx.userId, PublishStatus: 'P', SharingPrivacy: 'N', SharingOption: 'A' },
        ctx.userId,
        ctx.id
      );
      linkToOwner(ctx, ctx.id, str(v, 'OwnerId') ?? ctx.userId);
    } else {
      ctx.data.updateSystem('ContentDocument', ctx.id, facts, ctx.userId);
    }
    const versionId = publishVersion(ctx, ctx.id, {
      Title: v['Title'] ?? null,
      VersionData: v['Content'] ?? null,
      PathOnClient: `${str(v, 'Title') ?? 'Untitled'}.${NOTE_EXTENSION}`,
      FileType: NOTE_FILE_TYPE,
      FileExtension: NOTE_EXTENSION,
      ContentSize: v['ContentSize'] ?? null,
      TextPreview: v['TextPreview'] ?? null,
      OwnerId: v['OwnerId'] ?? ctx.userId,
      PublishStatus: 'P',
      Origin: 'H',
      ContentLocation: 'S'
    });
    ctx.data.updateSystem('ContentDocument', ctx.id, { LatestPublishedVersionId: versionId }, ctx.userId);
    ctx.data.updateSystem('ContentNote', ctx.id, { LatestPublishedVersionId: versionId }, ctx.userId);
  },
  beforeDelete(ctx): void {
    if (ctx.data.live(ctx.record.id)) ctx.data.deleteSystem('ContentDocument', ctx.record.id, ctx.userId);
  }
};

function linkToOwner(ctx: SaveContext, documentId: string, ownerId: string): void {
  ctx.data.insertSystem(
    'ContentDocumentLink',
    { ContentDocumentId: documentId, LinkedEntityId: ownerId, ShareType: 'I', Visibility: 'AllUsers' },
    ctx.userId
  );
}

export const contentVersionRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    if (ctx.op !== 'insert' || ctx.system) return;
    if (v['VersionData'] == null && v['ContentUrl'] == null) throw requiredFieldsMissing(['VersionData']);
    if (v['VersionData'] != null && v['PathOnClient'] == null) throw requiredFieldsMissing(['PathOnClient']);
    const path = str(v, 'PathOnClient');
    const extension = extensionOf(path);
    if (v['Title'] == null) v['Title'] = path ? path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : 'Untitled';
    v['FileExtension'] = extension;
    v['FileType'] = v['ContentUrl'] != null ? 'LINK' : (FILE_TYPES[extension ?? ''] ?? 'UNKNOWN');
    const bytes = v['VersionData'] ? Buffer.from(String(v['VersionData']), 'base64') : Buffer.alloc(0);
    v['ContentSize'] = bytes.length;
    v['PublishStatus'] = 'P';
    v['IsLatest'] = true;
    v['ContentModifiedDate'] = formatDateTime(ctx.now);
    v['ContentModifiedById'] = ctx.userId;
  },
  afterSave(ctx): void {
    if (ctx.op !== 'insert' || ctx.system) return;
    const v = ctx.values;
    const documentId = str(v, 'ContentDocumentId');
    if (documentId) {
      // A new version of an existing document.
      const versions = ctx.data.children('ContentVersion', 'ContentDocumentId', documentId);
      for (const o of versions) {
        if (o.id !== ctx.id && o.values['IsLatest'] === true) {
          ctx.data.updateSystem('ContentVersion', o.id, { IsLatest: false }, ctx.userId);
        }
      }
      const count = versions.length;
      ctx.data.updateSystem('ContentVersion', ctx.id, { VersionNumber: String(count) }, ctx.userId);
      ctx.data.updateSystem(
        'ContentDocument',
        documentId,
        { ...documentFacts(v, ctx.now), LatestPublishedVersionId: ctx.id },
        ctx.userId
      );
      return;
    }
    const newDocumentId = ctx.data.insertSystem(
      'ContentDocument',
      {
        ...documentFacts(v, ctx.now),
        OwnerId: v['OwnerId'] ?? ctx.userId,
        PublishStatus: 'P',
        SharingPrivacy: v['SharingPrivacy'] ?? 'N',
        SharingOption: v['SharingOption'] ?? 'A',
        LatestPublishedVersionId: ctx.id
      },
      ctx.userId
    );
    ctx.data.updateSystem(
      'ContentVersion',
      ctx.id,
      { ContentDocumentId: newDocumentId, VersionNumber: '1' },
      ctx.userId
    );
    linkToOwner(ctx, newDocumentId, str(v, 'OwnerId') ?? ctx.userId);
    const location = str(v, 'FirstPublishLocationId');
    if (location && location !== (str(v, 'OwnerId') ?? ctx.userId)) {
      ctx.data.insertSystem(
        'ContentDocumentLink',
        { ContentDocumentId: newDocumentId, LinkedEntityId: location, ShareType: 'I', Visibility: 'AllUsers' },
        ctx.userId
      );
    }
  }
};

export const contentDocumentRules: ObjectRules = {
  afterSave(ctx): void {
    if (ctx.system || ctx.op !== 'update' || !ctx.changed.has('Title')) return;
    if (ctx.data.liveOf('ContentNote', ctx.id)) {
      ctx.data.updateSystem('ContentNote', ctx.id, { Title: ctx.values['Title'] ?? null }, ctx.userId);
    }
  },
  beforeDelete(ctx): void {
    if (ctx.data.liveOf('ContentNote', ctx.record.id)) ctx.data.deleteSystem('ContentNote', ctx.record.id, ctx.userId);
  }
};
