/** Clients: the agency's customers (buyer / importer / consignee on export documents). */
import { checkbox, emailList, requiredText, text, timeZone } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const clients = defineModel(
  'Clients',
  {
    name: 'Name',
    legalName: 'Legal name',
    contactName: 'Contact name',
    contactEmails: 'Contact emails',
    address: 'Address',
    country: 'Country',
    timeZone: 'Time zone',
    taxId: 'Tax ID',
    eoriNumber: 'EORI number',
    notifyParty: 'Notify party',
    defaultPortOfDischarge: 'Default port of discharge',
    portalEmails: 'Portal emails',
    notionPortal: 'Notion portal',
    driveFolder: 'Drive folder',
    syncIssues: 'Sync issues',
    weeklyUpdate: 'Weekly update',
  } as const,
  {
    name: requiredText(),
    legalName: text(),
    contactName: text(),
    /** One address per line in the cell. */
    contactEmails: emailList(),
    address: text(),
    country: text(),
    timeZone: timeZone(),
    taxId: text(),
    eoriNumber: text(),
    notifyParty: text(),
    defaultPortOfDischarge: text(),
    /** Who may read the Notion portal and the Drive folder; one address per line. */
    portalEmails: emailList(),
    notionPortal: text(),
    driveFolder: text(),
    syncIssues: text(),
    weeklyUpdate: checkbox(),
  },
);

export type Client = ModelRecord<typeof clients>;
