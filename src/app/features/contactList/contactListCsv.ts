// The emergency-plan contact list as CSV: one row per contact per place it is listed, with the ward,
// parish and group, so the spreadsheet copy sorts the same way the paper copy reads.
import Papa from 'papaparse';
import {
  contactListRows,
  type EmergencyContactList,
} from '../../../domain/contactList/emergencyContactList.ts';

export function contactListCsv(list: EmergencyContactList): string {
  return Papa.unparse(
    {
      fields: [
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
      data: contactListRows(list).map(({ ward, parish, group, contact }) => [
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
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
