/**
 * The iCalendar text of a review invite (RFC 5545, sent as iMIP per RFC 6047): METHOD REQUEST for a new or moved
 * review, CANCEL when it is no longer needed; one VEVENT with a UID that never changes for the review and a SEQUENCE
 * that rises with every change, so calendars update the same event instead of adding a second one. Times carry the
 * organizer's zone with its VTIMEZONE (from timezones-ical-library), so every attendee's calendar shows their own
 * local time. Built with ical-generator.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

export interface InviteEvent {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  /** IANA zone the times are written in (the organizer's). */
  timeZone: string;
  title: string;
  description: string;
  /** The standing video room, if any. */
  videoUrl?: string;
  organizer: { name: string; email: string };
  attendees: { name?: string; email: string }[];
  /** DTSTAMP: when this version of the invite was made. */
  stamp: Date;
}

export function inviteCalendar(event: InviteEvent): string {
  const calendar = ical({
    method: event.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    prodId: { company: 'sourcing-workspace', product: 'reviews', language: 'EN' },
  });
  calendar.timezone({ name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? '' });
  const created = calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: event.stamp,
    start: DateTime.fromJSDate(event.start, { zone: event.timeZone }),
    end: DateTime.fromJSDate(event.end, { zone: event.timeZone }),
    timezone: event.timeZone,
    summary: event.title,
    description: event.videoUrl ? `${event.description}\n\nJoin: ${event.videoUrl}` : event.description,
    organizer: { name: event.organizer.name, email: event.organizer.email },
    status: event.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(event.videoUrl ? { location: event.videoUrl, url: event.videoUrl } : {}),
  });
  for (const a of event.attendees) {
    created.createAttendee({
      email: a.email,
      ...(a.name ? { name: a.name } : {}),
      role: ICalAttendeeRole.REQ,
      rsvp: event.method === 'REQUEST',
      status: ICalAttendeeStatus.NEEDSACTION,
    });
  }
  return calendar.toString();
}
