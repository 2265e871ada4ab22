import { airtableService } from './airtable/service.ts';
import { chatService } from './chat/service.ts';
import { driveService } from './drive/service.ts';
import { gmailService } from './gmail/service.ts';
import { notionService } from './notion/service.ts';
import { storageService } from './storage/service.ts';
import type { LocalService } from './types.ts';

/** Every emulated provider, in routing order (the first whose `matches` accepts a path serves it). */
export function allServices(): LocalService[] {
  return [airtableService(), notionService(), driveService(), gmailService(), storageService(), chatService()];
}
