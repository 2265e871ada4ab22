import { FONT_BOLD, FONT_REGULAR } from './fonts.ts';
import { layoutText, type TextLayout } from './text-layout.ts';
import { drawTextLine, type TextState } from './text-line.ts';
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
  /**
   * The fill colour last written outside any save/restore pair, and the page it was written on. Every text call
   * used to write its colour (twice, with the measuring) although a page's text is mostly the one ink: a third
   * of the content bytes. The shapes (rect, line) set their colours inside save/restore, so this stays true.
   */
  private ink: string | undefined;
  private inkPage: unknown;
  /** The font and size last set for text on a page (see drawTextLine). */
  private readonly textState: TextState = { page: undefined, font: '', size: 0 };

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
    return text === '' ? 0 : this.layout(text, width, style).height;
  }

  /** The lines of `text` wrapped to `width` in `style`; leaves the document in that font and size. */
  private layout(text: string, width: number, style: TextStyle): TextLayout {
    // Set outside the cache: the caller may draw or measure with the current font next.
    this.typeface(style);
    return layoutText(this.doc, text, width, style.bold ? FONT_BOLD : FONT_REGULAR, style.size ?? THEME.size.body, style.lineGap ?? 0.6);
  }

  /** Draws wrapped text at (x, y) and returns its height. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    if (text === '') return 0;
    const { height, lines } = this.layout(text, width, style);
    this.style(style);
    const align = style.align ?? 'left';
    const lineGap = style.lineGap ?? 0.6;
    if (style.maxHeight !== undefined && height > style.maxHeight) {
      this.doc.text(text, x, y, { width, align, lineGap, height: style.maxHeight, ellipsis: true });
      return style.maxHeight;
    }
    // The lines the measuring already wrapped, placed as PDFKit's text() places them (each line one line height
    // plus the gap below the last), without wrapping the text a second time.
    let lineY = y;
    for (const line of lines) {
      if (!drawTextLine(this.doc, line, x, lineY, align, this.textState)) this.doc.text(line.text, x, lineY, { width, align, lineGap });
      lineY += this.doc.currentLineHeight(true) + (lineGap || 0);
    }
    return height;
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
