/**
 * The mail around a review invite: what the meeting is about, its time in every attendee's own zone (a New York
 * client and a Ningbo agent read the same slot differently), the video room, and for a cancellation a plain line
 * that it is off. The calendar part carries the same facts for mail clients that show an invite.
 */
import { DateTime } from 'luxon';
import type { ReviewAttendee } from './review-needs.ts';

export interface InviteMailInput {
  method: 'REQUEST' | 'CANCEL';
  /** 0 for the first invite; a moved review says it was moved. */
  sequence: number;
  title: string;
  start: Date;
  end: Date;
  attendees: readonly Pick<ReviewAttendee, 'email' | 'name' | 'profile'>[];
  videoUrl?: string;
  agencyName: string;
}

export function inviteMail(input: InviteMailInput): { subject: string; text: string; html: string } {
  const first = input.attendees[0]!;
  const when = (zone: string) => {
    const s = DateTime.fromJSDate(input.start, { zone });
    const e = DateTime.fromJSDate(input.end, { zone });
    return `${s.toFormat('ccc d LLL yyyy, HH:mm')}–${e.toFormat('HH:mm')} (${zone})`;
  };
  const verb = input.method === 'CANCEL' ? 'Cancelled' : input.sequence > 0 ? 'Moved' : 'Invitation';
  const subject = `${verb}: ${input.title} · ${DateTime.fromJSDate(input.start, { zone: first.profile.timeZone }).toFormat('ccc d LLL HH:mm')}`;
  const zones = [...new Set(input.attendees.map((a) => a.profile.timeZone))];
  const lines = [
    input.method === 'CANCEL'
      ? `The review "${input.title}" is no longer needed and is cancelled.`
      : input.sequence > 0
        ? `The review "${input.title}" has moved to a new time.`
        : `You are invited to a review: ${input.title}.`,
    '',
    ...zones.map((zone) => `  ${when(zone)}`),
    '',
    ...(input.method === 'REQUEST' && input.videoUrl ? [`Join: ${input.videoUrl}`, ''] : []),
    `Attendees: ${input.attendees.map((a) => a.name ?? a.email).join(', ')}`,
    '',
    `— ${input.agencyName}`,
  ];
  const text = lines.join('\n');
  return { subject, text, html: `<div style="font-family:sans-serif;line-height:1.5">${lines.map((l) => (l === '' ? '<br>' : `<div>${escapeHtml(l)}</div>`)).join('')}</div>` };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
