// The emergency-plan contact list as CSV: one row per contact per place it is listed, with the ward,
// parish and group, so the spreadsheet copy sorts the same way the paper copy reads.
import { csvText } from '../../../domain/csv/csvText.ts';
import {
  contactListRows,
  type EmergencyContactList,
} from '../../../domain/contactList/emergencyContactList.ts';

export function contactListCsv(list: EmergencyContactList): string {
  return csvText(
    [
      'Ward',
      'Parish',
      'Group',
      'Name',
      'Role',
      'Organisation',
      'Phone',
      'Out of hours',
      'Email',
      'Restricted',
    ],
    contactListRows(list).map(({ ward, parish, group, contact }) => [
      ward,
      parish,
      group,
      contact.name,
      contact.role,
      contact.organisation,
      contact.phone,
      contact.outOfHours ?? '',
      contact.email ?? '',
      contact.restricted ? 'yes' : 'no',
    ]),
  );
}
