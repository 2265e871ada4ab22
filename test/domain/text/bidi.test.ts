import { describe, expect, it } from 'vitest';
import { requiredText } from '../../../src/domain/models/cells.ts';
import { stripBidiControls } from '../../../src/domain/text/bidi.ts';
import { composeMessage } from '../../../src/adapters/mime/compose-message.ts';

describe('bidi control characters', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u202AEmbedded\u202C', 'Embedded'],
    ['\u202BRTL embed\u202C \u202DLTR override', 'RTL embed LTR override'],
    ['\u2066iso\u2067late\u2068d\u2069', 'isolated'],
    ['mark\u200E\u200F\u061C', 'mark'],
    ['Ningbo Fenghua 宁波奉化', 'Ningbo Fenghua 宁波奉化'],
    ['شركة النور', 'شركة النور'],
    ['zero\u200Bwidth space stays', 'zero\u200Bwidth space stays'],
  ])('%j → %j', (input, output) => {
    expect(stripBidiControls(input)).toBe(output);
  });

  it('every parsed text cell comes out clean, so names in mails, pages and documents are too', () => {
    const parsed = requiredText().parse('Harbor\u202Eline Home');
    expect(parsed).toBe('Harborline Home');
  });

  it('mail headers (display names, subject) are cleaned when composed', async () => {
    const raw = (
      await composeMessage({
        messageId: '<m1@agency.example>',
        from: { name: 'Ops\u202E', address: 'ops@agency.example' },
        to: [{ name: 'Client\u2066 Buyer', address: 'buyer@client.example' }],
        subject: 'PO-2414\u202E late',
        text: 'x',
        html: '<p>x</p>',
        date: new Date('2026-12-04T00:00:00Z'),
      })
    ).toString('utf8');
    expect(raw).toContain('Subject: PO-2414 late');
    expect(raw).toContain('From: Ops <ops@agency.example>');
    expect(raw).toContain('To: Client Buyer <buyer@client.example>');
  });
});
