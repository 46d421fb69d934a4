// The Identity URL (`GET /id/{orgId}/{userId}`) and OpenID Connect userinfo bodies, built from the org's User record.
import type { OrgData } from '../model/org-api.ts';
import type { FieldValues } from '../model/types.ts';

const str = (values: FieldValues, field: string): string | null => {
  const v = values[field];
  return typeof v === 'string' ? v : null;
};

export function identityUrl(baseUrl: string, organizationId: string, userId: string): string {
  return `${baseUrl}/id/${organizationId}/${userId}`;
}

function userRecord(org: OrgData, userId: string): FieldValues {
  return org.retrieve('User', userId);
}

/** `{version}` stays literal: clients substitute the API version they use, as with Salesforce's own URLs. */
function serviceUrls(baseUrl: string, organizationId: string, userId: string): Record<string, string> {
  const data = `${baseUrl}/services/data/v{version}`;
  return {
    enterprise: `${baseUrl}/services/Soap/c/{version}/${organizationId.slice(0, 15)}`,
    metadata: `${baseUrl}/services/Soap/m/{version}/${organizationId.slice(0, 15)}`,
    partner: `${baseUrl}/services/Soap/u/{version}/${organizationId.slice(0, 15)}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    recent: `${data}/recent/`,
    profile: `${baseUrl}/${userId}`,
    feeds: `${data}/chatter/feeds`,
    groups: `${data}/chatter/groups`,
    users: `${data}/chatter/users`,
    feed_items: `${data}/chatter/feed-items`,
    custom_domain: baseUrl
  };
}

export function identityBody(org: OrgData, baseUrl: string, userId: string): Record<string, unknown> {
  const user = userRecord(org, userId);
  const orgId = org.organizationId;
  const id = str(user, 'Id') ?? userId;
  return {
    id: identityUrl(baseUrl, orgId, id),
    asserted_user: true,
    user_id: id,
    organization_id: orgId,
    username: str(user, 'Username'),
    nick_name: str(user, 'CommunityNickname') ?? str(user, 'Alias'),
    display_name: str(user, 'Name'),
    email: str(user, 'Email'),
    email_verified: true,
    first_name: str(user, 'FirstName'),
    last_name: str(user, 'LastName'),
    timezone: str(user, 'TimeZoneSidKey') ?? org.timeZone,
    photos: {
      picture: `${baseUrl}/img/userprofile/default_profile_200_v2.png`,
      thumbnail: `${baseUrl}/img/userprofile/default_profile_45_v2.png`
    },
    mobile_phone: str(user, 'MobilePhone'),
    mobile_phone_verified: false,
    status: { created_date: null, body: null },
    urls: serviceUrls(baseUrl, orgId, id),
    active: user['IsActive'] !== false,
    user_type: str(user, 'UserType') ?? 'STANDARD',
    language: str(user, 'LanguageLocaleKey') ?? 'en_US',
    locale: str(user, 'LocaleSidKey') ?? 'en_US',
    utcOffset: utcOffsetMs(str(user, 'TimeZoneSidKey') ?? org.timeZone),
    last_modified_date: str(user, 'LastModifiedDate'),
    is_app_installed: true
  };
}

export function userinfoBody(org: OrgData, baseUrl: string, userId: string): Record<string, unknown> {
  const identity = identityBody(org, baseUrl, userId);
  return {
    sub: identity['id'],
    user_id: identity['user_id'],
    organization_id: identity['organization_id'],
    preferred_username: identity['username'],
    nickname: identity['nick_name'],
    name: identity['display_name'],
    email: identity['email'],
    email_verified: true,
    given_name: identity['first_name'],
    family_name: identity['last_name'],
    zoneinfo: identity['timezone'],
    photos: identity['photos'],
    profile: `${baseUrl}/${String(identity['user_id'])}`,
    picture: (identity['photos'] as { picture: string }).picture,
    urls: identity['urls'],
    active: identity['active'],
    user_type: identity['user_type'],
    language: identity['language'],
    locale: identity['locale'],
    utcOffset: identity['utcOffset'],
    updated_at: identity['last_modified_date'],
    is_app_installed: true
  };
}

/** The zone's current offset from UTC in milliseconds (Salesforce reports `utcOffset` in ms). */
function utcOffsetMs(timeZone: string): number {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
  } catch {
    return 0;
  }
}
