export { GmailMailAdapter, type GmailMailOptions } from './gmail-mail.ts';
export { GMAIL_SCOPES, type GmailAuth } from './client.ts';
