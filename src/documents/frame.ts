import { FONT_BOLD, FONT_REGULAR } from './fonts.ts';
import { PAGE_SIZES, THEME, type PageSize } from './theme.ts';

export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  lineGap?: number;
  /** Clip to this height with an ellipsis instead of overflowing (PDFKit would start a page of its own). */
  maxHeight?: number;
}

/**
 * Wrapped-text heights by text, font, size, line gap and width, shared by every document of the process: a table
 * measures each cell to size its row and again to draw it, and the same labels recur on every page and document.
 * Values depend only on the key (the fonts are the same parsed files for the whole process), so clearing the cache
 * when it is full never changes output. Keyed by the text first so a lookup builds no key string.
 */
interface Measured {
  font: string;
  size: number;
  lineGap: number;
  width: number;
  height: number;
}
const heights = new Map<string, Measured[]>();
const MAX_CACHED_TEXTS = 20_000;

/**
 * A cursor over the pages of one document: it knows the printable area, measures wrapped text and starts a new
 * page (with the document's continuation header) when a block would run into the footer.
 */
export class Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  y: number;
  private continuation: (frame: Frame) => void = () => undefined;
  /**
   * The fill colour last written outside any save/restore pair, and the page it was written on. Every text call
   * used to write its colour (twice, with the measuring) although a page's text is mostly the one ink: a third
   * of the content bytes. The shapes (rect, line) set their colours inside save/restore, so this stays true.
   */
  private ink: string | undefined;
  private inkPage: unknown;

  constructor(readonly doc: PDFKit.PDFDocument, readonly pageSize: PageSize) {
    const page = PAGE_SIZES[pageSize];
    this.left = THEME.margin;
    this.right = page.width - THEME.margin;
    this.top = THEME.margin;
    this.bottom = page.height - THEME.margin - THEME.footerHeight;
    this.width = this.right - this.left;
    this.y = this.top;
  }

  /** What to draw at the top of every page after the first (compact header, repeated table headers). */
  onNewPage(draw: (frame: Frame) => void): void {
    this.continuation = draw;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    this.continuation(this);
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  style(style: TextStyle = {}): void {
    this.typeface(style);
    const color = style.color ?? THEME.ink;
    // Compared with the page too: a new page (or switching back to one) starts from that page's own state.
    if (color !== this.ink || this.doc.page !== this.inkPage) {
      this.doc.fillColor(color);
      this.ink = color;
      this.inkPage = this.doc.page;
    }
  }

  /** Font and size only: what measuring needs; it writes nothing into the page. */
  private typeface(style: TextStyle): void {
    this.doc.font(style.bold ? FONT_BOLD : FONT_REGULAR).fontSize(style.size ?? THEME.size.body);
  }

  measure(text: string, width: number, style: TextStyle = {}): number {
    if (text === '') return 0;
    // Set outside the cache: the caller may draw or measure with the current font next.
    this.typeface(style);
    const font = style.bold ? FONT_BOLD : FONT_REGULAR;
    const size = style.size ?? THEME.size.body;
    const lineGap = style.lineGap ?? 0.6;
    let entries = heights.get(text);
    const hit = entries?.find((m) => m.width === width && m.size === size && m.font === font && m.lineGap === lineGap);
    if (hit) return hit.height;
    // Measured from y = 0 so the value is a function of the key alone (PDFKit returns end y − start y, whose last
    // bits depend on the start); otherwise a hit could differ from what a fresh process would compute.
    const y = this.doc.y;
    this.doc.y = 0;
    const height = this.doc.heightOfString(text, { width, lineGap });
    this.doc.y = y;
    if (!entries) {
      if (heights.size >= MAX_CACHED_TEXTS) heights.clear();
      entries = [];
      heights.set(text, entries);
    }
    entries.push({ font, size, lineGap, width, height });
    return height;
  }

  /** Draws wrapped text at (x, y) and returns its height. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    if (text === '') return 0;
    const height = this.measure(text, width, style);
    this.style(style);
    const align = style.align ?? 'left';
    const lineGap = style.lineGap ?? 0.6;
    if (style.maxHeight !== undefined && height > style.maxHeight) {
      this.doc.text(text, x, y, { width, align, lineGap, height: style.maxHeight, ellipsis: true });
      return style.maxHeight;
    }
    if (align !== 'center' && this.fitsOneLine(text, height, lineGap)) {
      // PDFKit's line wrapper would emit this text as one line; drawing it as that line skips the wrapper (a third
      // of a table's drawing time) and writes the same operators. Right alignment is PDFKit's own arithmetic
      // (LineWrapper's line width, _fragment's offset), so positions are the same to the last bit.
      const lineWidth = (width * 100) / 100;
      const left = align === 'right' ? x + (lineWidth - this.doc.widthOfString(text.replace(/\s+$/, ''))) : x;
      this.doc.text(text, left, y, { lineBreak: false });
      return height;
    }
    this.doc.text(text, x, y, { width, align, lineGap });
    return height;
  }

  /**
   * Whether the wrapper would lay `text` out as a single line: its measured height is exactly one line (heights
   * are measured from y = 0, so this is the same sum PDFKit makes), and it has no break or soft hyphen the
   * wrapper would act on.
   */
  private fitsOneLine(text: string, height: number, lineGap: number): boolean {
    return height === this.doc.currentLineHeight(true) + lineGap && !/[\n\r\v\f\u0085\u2028\u2029\u00ad]/.test(text);
  }

  /** Small grey capitals above a value ("PORT OF LOADING"). */
  label(text: string, x: number, y: number, width: number): number {
    return this.text(text.toUpperCase(), x, y, width, { size: THEME.size.label, color: THEME.muted, bold: true });
  }

  rect(x: number, y: number, width: number, height: number, options: { fill?: string; stroke?: string; lineWidth?: number } = {}): void {
    this.doc.save();
    this.doc.lineWidth(options.lineWidth ?? 0.6);
    if (options.fill && options.stroke) this.doc.rect(x, y, width, height).fillAndStroke(options.fill, options.stroke);
    else if (options.fill) this.doc.rect(x, y, width, height).fill(options.fill);
    else this.doc.rect(x, y, width, height).stroke(options.stroke ?? THEME.rule);
    this.doc.restore();
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string = THEME.rule, width = 0.6): void {
    this.doc.save();
    this.doc.lineWidth(width).moveTo(x1, y1).lineTo(x2, y2).stroke(color);
    this.doc.restore();
  }
}
