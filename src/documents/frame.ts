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
    this.doc.font(style.bold ? FONT_BOLD : FONT_REGULAR).fontSize(style.size ?? THEME.size.body).fillColor(style.color ?? THEME.ink);
  }

  measure(text: string, width: number, style: TextStyle = {}): number {
    if (text === '') return 0;
    this.style(style);
    return this.doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0.6 });
  }

  /** Draws wrapped text at (x, y) and returns its height. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    if (text === '') return 0;
    const height = this.measure(text, width, style);
    this.style(style);
    const clip = style.maxHeight !== undefined && height > style.maxHeight ? { height: style.maxHeight, ellipsis: true } : {};
    this.doc.text(text, x, y, { width, align: style.align ?? 'left', lineGap: style.lineGap ?? 0.6, ...clip });
    return Math.min(height, style.maxHeight ?? height);
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
