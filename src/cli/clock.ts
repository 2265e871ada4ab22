/**
 * The one clock a CLI process gives every job (their `now` dependency), its schedule and its log lines. It starts
 * at --now / SOURCING_NOW (or the real time) and runs on from there at the wall clock's pace, so `serve` and
 * `start` keep their cadence and a report's duration stays true. The viewer's "next day" / "next week" move it
 * forward (advance), never back: alerts, mails and baselines written "later" must not be contradicted by an
 * earlier clock in the same process.
 */
export class Clock {
  /** Offset from the wall clock in ms; 0 when the clock is the real time. */
  private offset: number;
  private moved: boolean;

  constructor(start?: Date, private readonly wall: () => number = Date.now) {
    this.offset = start ? start.getTime() - wall() : 0;
    this.moved = start !== undefined;
  }

  now(): Date {
    return new Date(this.wall() + this.offset);
  }

  /** True while nobody set or moved the clock: it is the real time. */
  get isReal(): boolean {
    return !this.moved;
  }

  advance(ms: number): Date {
    if (!(ms > 0)) throw new RangeError(`the clock only moves forward (asked to move by ${ms} ms)`);
    this.offset += ms;
    this.moved = true;
    return this.now();
  }
}
