// Value sets a fresh Developer Edition org ships with, shared by several objects.
// Sources: Salesforce Object Reference / Field Reference pages and fresh-org describes; values we could not
// confirm against a current org are marked where they are used.

export const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'];

export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

export const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other'
];

export const RATINGS = ['Hot', 'Warm', 'Cold'];

/** Data.com clean status (restricted). */
export const CLEAN_STATUSES = [
  'Matched',
  'Different',
  'Acknowledged',
  'NotFound',
  'Inactive',
  'Pending',
  'SelectMatch',
  'Skipped'
];

export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted'
];
export const LEAD_DEFAULT_STATUS = 'Open - Not Contacted';
/** The LeadStatus values with IsConverted = true. */
export const LEAD_CONVERTED_STATUSES = ['Closed - Converted'];

export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
export const TASK_DEFAULT_STATUS = 'Not Started';
/** The TaskStatus values with IsClosed = true. */
export const TASK_CLOSED_STATUSES = ['Completed'];

export const ACTIVITY_PRIORITIES = ['High', 'Normal', 'Low'];
export const TASK_DEFAULT_PRIORITY = 'Normal';
/** The TaskPriority values with IsHighPriority = true. */
export const TASK_HIGH_PRIORITIES = ['High'];

export const CALL_TYPES = ['Inbound', 'Internal', 'Outbound'];
export const TASK_SUBTYPES = ['Task', 'Email', 'ListEmail', 'Cadence', 'Call'];
export const EVENT_SUBTYPES = ['Event'];
/** Activity Type; not visible on layouts of a fresh org but present in describe (values unverified). */
export const ACTIVITY_TYPES = ['Call', 'Email', 'Meeting', 'Other'];
/** Task Subject combobox suggestions (unverified against a current org). */
export const TASK_SUBJECTS = ['Call', 'Email', 'Send Letter', 'Send Quote', 'Other'];
export const EVENT_SUBJECTS = ['Call', 'Email', 'Meeting', 'Send Letter/Quote', 'Other'];
export const SHOW_AS = ['Busy', 'OutOfOffice', 'Free', 'WorkingElsewhere'];

export interface OpportunityStage {
  value: string;
  probability: number;
  forecastCategory: 'Pipeline' | 'BestCase' | 'Commit' | 'Omitted' | 'Closed';
  closed: boolean;
  won: boolean;
}

/** OpportunityStage rows of a fresh org: the stage drives Probability, ForecastCategory, IsClosed and IsWon. */
export const OPPORTUNITY_STAGES: OpportunityStage[] = [
  { value: 'Prospecting', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Qualification', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Needs Analysis', probability: 20, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Value Proposition', probability: 50, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Id. Decision Makers', probability: 60, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Perception Analysis', probability: 70, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Proposal/Price Quote', probability: 75, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Negotiation/Review', probability: 90, forecastCategory: 'Pipeline', closed: false, won: false },
  { value: 'Closed Won', probability: 100, forecastCategory: 'Closed', closed: true, won: true },
  { value: 'Closed Lost', probability: 0, forecastCategory: 'Omitted', closed: true, won: false }
];

export const FORECAST_CATEGORIES = ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'];
export const FORECAST_CATEGORY_NAMES = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'];

export const OPPORTUNITY_TYPES = [
  'Existing Customer - Upgrade',
  'Existing Customer - Replacement',
  'Existing Customer - Downgrade',
  'New Customer'
];

export const CONTACT_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other'
];

export const CASE_STATUSES = ['New', 'Working', 'Escalated', 'Closed'];
export const CASE_DEFAULT_STATUS = 'New';
/** The CaseStatus values with IsClosed = true. */
export const CASE_CLOSED_STATUSES = ['Closed'];
export const CASE_ORIGINS = ['Phone', 'Email', 'Web'];
export const CASE_PRIORITIES = ['High', 'Medium', 'Low'];
export const CASE_DEFAULT_PRIORITY = 'Medium';
export const CASE_REASONS = [
  'Installation',
  'Equipment Complexity',
  'Performance',
  'Breakdown',
  'Equipment Design',
  'Feedback',
  'Other'
];
export const CASE_TYPES = ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other'];

export const ACCOUNT_TYPES = [
  'Prospect',
  'Customer - Direct',
  'Customer - Channel',
  'Channel Partner / Reseller',
  'Installation Partner',
  'Technology Partner',
  'Other'
];
export const ACCOUNT_OWNERSHIP = ['Public', 'Private', 'Subsidiary', 'Other'];

/** A small, representative part of the TimeZoneSidKey value set (the real one has ~430 entries). */
export const TIME_ZONES = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Paris',
  'Europe/Berlin',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'GMT'
];
export const LOCALES = ['en_US', 'en_GB', 'en_CA', 'en_AU', 'fr_FR', 'de_DE', 'es_ES', 'ja_JP'];
export const LANGUAGES = ['en_US', 'en_GB', 'fr', 'de', 'es', 'ja'];
export const EMAIL_ENCODINGS = ['UTF-8', 'ISO-8859-1', 'Shift_JIS', 'ISO-2022-JP', 'EUC-JP', 'ks_c_5601-1987', 'Big5'];
