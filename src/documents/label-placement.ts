/**
 * Collision-free placement of short labels along one axis, for charts (the production schedule's calendar,
 * milestone and inspection labels, its legend). Pure: widths come measured from the caller, so the rules are
 * tested without a PDF. The rule, in order: place a label at its anchor on the first free level; failing that,
 * put it on the other side of the anchor; failing that, use its shorter wording; failing everything, leave it out
 * (the caller's marker or colour still carries the fact) — never draw it over another.
 */

export interface Interval {
  x1: number;
  x2: number;
}

export interface LabelVariant {
  text: string;
  width: number;
}

/** Where a label sits relative to its anchor: starting at it, ending at it, or centred on it. */
export type LabelSide = 'after' | 'before' | 'center';

export interface LabelRequest {
  id: string;
  /** The x the label belongs to (a date, a marker). */
  anchor: number;
  /** Full wording first, then abbreviations. */
  variants: readonly LabelVariant[];
  /** Sides to try, preferred first (default: after). */
  sides?: readonly LabelSide[];
  /** The span the label must stay inside (a month's cell); default the whole band. */
  within?: Interval;
}

export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  width: number;
  level: number;
}

export interface Placement {
  placed: PlacedLabel[];
  /** Ids of requests that found no free place in any wording. */
  dropped: string[];
  /** Levels that hold at least one label (0 when nothing was placed). */
  levelsUsed: number;
}

export interface BandOptions {
  left: number;
  right: number;
  /** How many stacked lines the band has. */
  levels: number;
  /** Clear space kept between two labels on a level. */
  gap: number;
  /** Space already taken (another drawing's label) per level. */
  reserved?: ReadonlyArray<Interval & { level: number }>;
}

function startFor(side: LabelSide, anchor: number, width: number): number {
  if (side === 'before') return anchor - width;
  if (side === 'center') return anchor - width / 2;
  return anchor;
}

function fits(taken: readonly Interval[], x1: number, x2: number, gap: number): boolean {
  return taken.every((t) => x2 + gap <= t.x1 || x1 >= t.x2 + gap);
}

/**
 * Places labels in request order (callers put the important ones first: they win contested space). A label is
 * shifted back inside its bounds when it would stick out, and only placed where it touches no earlier label.
 */
export function placeLabels(requests: readonly LabelRequest[], band: BandOptions): Placement {
  const taken: Interval[][] = Array.from({ length: Math.max(0, band.levels) }, () => []);
  for (const r of band.reserved ?? []) taken[r.level]?.push({ x1: r.x1, x2: r.x2 });
  const placed: PlacedLabel[] = [];
  const dropped: string[] = [];
  for (const request of requests) {
    const lo = Math.max(band.left, request.within?.x1 ?? band.left);
    const hi = Math.min(band.right, request.within?.x2 ?? band.right);
    const spot = findSpot(request, lo, hi, taken, band.gap);
    if (!spot) {
      dropped.push(request.id);
      continue;
    }
    taken[spot.level]?.push({ x1: spot.x, x2: spot.x + spot.width });
    placed.push({ id: request.id, ...spot });
  }
  const levelsUsed = placed.reduce((max, p) => Math.max(max, p.level + 1), 0);
  return { placed, dropped, levelsUsed };
}

function findSpot(request: LabelRequest, lo: number, hi: number, taken: readonly Interval[][], gap: number): Omit<PlacedLabel, 'id'> | undefined {
  const sides = request.sides ?? ['after'];
  for (const variant of request.variants) {
    if (variant.width > hi - lo) continue;
    for (let level = 0; level < taken.length; level += 1) {
      for (const side of sides) {
        const x = Math.min(Math.max(startFor(side, request.anchor, variant.width), lo), hi - variant.width);
        if (fits(taken[level] ?? [], x, x + variant.width, gap)) return { text: variant.text, x, width: variant.width, level };
      }
    }
  }
  return undefined;
}

export interface FlowItem {
  id: string;
  width: number;
}

export interface FlowedItem {
  id: string;
  x: number;
  row: number;
}

/**
 * Legend items left to right, wrapping to a new row when the next would pass `right`, and starting a new row
 * where `breakBefore` says (a second group). Answers the positions and the number of rows.
 */
export function flowItems(items: readonly FlowItem[], left: number, right: number, gap: number, breakBefore: ReadonlySet<string> = new Set()): { items: FlowedItem[]; rows: number } {
  const out: FlowedItem[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const wrap = x > left && (x + item.width > right || breakBefore.has(item.id));
    if (wrap) {
      row += 1;
      x = left;
    }
    out.push({ id: item.id, x, row });
    x += item.width + gap;
  }
  return { items: out, rows: items.length === 0 ? 0 : row + 1 };
}

/**
 * `text` cut to fit `width` with an ellipsis (the whole text when it fits; '' when not even "…" fits). PDFKit's
 * own ellipsis wraps to a second line first when the text has a space, so labels are cut here, then drawn as one
 * line.
 */
export function truncateToWidth(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n -= 1) {
    const cut = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (measure(cut) <= width) return cut;
  }
  return measure('…') <= width ? '…' : '';
}
