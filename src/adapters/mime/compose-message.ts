/**
 * RFC 5322 bytes of an outgoing mail, composed by nodemailer's MailComposer: multipart/alternative with a
 * UTF-8 plain-text and HTML part, RFC 2047 encoded headers, CRLF line breaks, our own Message-ID and Date.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { stripBidiControls } from '../../domain/text/bidi.ts';
import type { MailAddress, OutgoingMail } from '../../ports/mail.ts';

export function composeMessage(mail: OutgoingMail): Promise<Buffer> {
  if (mail.to.length === 0) throw new RangeError(`Mail ${mail.messageId}: no recipient`);
  const composer = new MailComposer({
    from: address(mail.from),
    to: mail.to.map(address),
    // Names and subjects are shown by mail clients: no bidi controls (domain/text/bidi.ts).
    subject: stripBidiControls(mail.subject),
    // RFC 5322 wants CRLF; MailComposer keeps a 7bit body's line breaks as given.
    text: crlf(mail.text),
    html: crlf(mail.html),
    messageId: mail.messageId,
    date: mail.date,
    headers: mail.headers,
    textEncoding: 'quoted-printable',
    // https://nodemailer.com/message/calendar-events/: a text/calendar; method=… alternative part (RFC 6047).
    ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, content: crlf(mail.calendar.content) } } : {}),
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const address = (a: MailAddress) => (a.name ? { name: stripBidiControls(a.name), address: a.address } : a.address);
