/** Tunables of the reminders, with the defaults the agency gets when it sets nothing. */
import type { WorkingHoursProfile } from '../calendar/working-hours.ts';

export interface ReminderSettings {
  /** Unacknowledged warnings go to the owner's manager after this many of the owner's working days. */
  escalateAfterWorkingDays: number;
  /** Working hours of the factories, for the call window in each mail. */
  factory: WorkingHoursProfile;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  escalateAfterWorkingDays: 2,
  factory: { timeZone: 'Asia/Shanghai', start: '09:00', end: '18:00' },
};

export function resolveReminderSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  const s = { ...DEFAULT_REMINDER_SETTINGS, ...overrides };
  const n = s.escalateAfterWorkingDays;
  if (!Number.isInteger(n) || n < 1 || n > 30) {
    throw new RangeError(`Escalation after working days must be a whole number 1–30, got ${JSON.stringify(n)}`);
  }
  return s;
}
