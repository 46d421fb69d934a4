// BusinessHours: the org's working hours (the product asks "was this call outside business hours?").
import type { SObjectDef } from '../../model/types.ts';
import { auditFields, checkbox, field, idField, lastViewedDate, picklist, REQUIRED, text } from '../fields.ts';
import { sobject } from '../objects.ts';
import { TIME_ZONES } from './picklists.ts';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function businessHoursObject(): SObjectDef {
  const dayFields = WEEKDAYS.flatMap((day) => [
    field(`${day}StartTime`, 'time', { label: `${day} Start` }),
    field(`${day}EndTime`, 'time', { label: `${day} End` })
  ]);
  const audit = auditFields();
  return sobject(
    'BusinessHours',
    'Business Hours',
    'Business Hours',
    '01m',
    [
      idField('Business Hours ID'),
      text('Name', 80, { label: 'Business Hours Name', ...REQUIRED, nameField: true }),
      checkbox('IsActive', false, { label: 'Active' }),
      checkbox('IsDefault', false, { label: 'Default Business Hours' }),
      ...dayFields,
      picklist('TimeZoneSidKey', TIME_ZONES, { label: 'Time Zone', ...REQUIRED, restrictedPicklist: true }),
      // Describe lists SystemModstamp before the other audit fields on this object.
      ...audit.slice(4),
      ...audit.slice(0, 4),
      lastViewedDate()
    ],
    // Business hours are maintained in Setup; the API can read and update them but not delete them.
    { deletable: false, undeletable: false, searchable: false }
  );
}
