/**
 * The requests the viewer made on someone's behalf (an agent's edit, a client's comment), kept in memory so the
 * page the person lands on can show exactly which API request it was and what the API answered.
 */

export interface ViewerAction {
  id: number;
  /** What the person did, in their words: "Acknowledged the alert", "Commented as Harbor & Pine". */
  label: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  /** The answer, shortened: the error message, or nothing for a plain success. */
  answer?: string;
}

export class ActionLog {
  private entries: ViewerAction[] = [];
  private next = 1;

  constructor(private readonly capacity = 50) {}

  add(action: Omit<ViewerAction, 'id'>): ViewerAction {
    const entry = { ...action, id: this.next++ };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    return entry;
  }

  get(id: number): ViewerAction | undefined {
    return this.entries.find((e) => e.id === id);
  }
}
