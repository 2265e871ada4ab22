/**
 * Just enough RFC 5322 / RFC 2047 / RFC 2045 to read the messages callers send: the header block (unfolded, in
 * order), encoded-word decoding (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`), address lists and header parameters.
 * Gmail shows header values decoded, so the API answers and the SQLite record use the decoded forms while the
 * `.eml` keeps the bytes as sent.
 */

export interface Header {
  name: string;
  value: string;
}

export interface SplitMessage {
  headers: Header[];
  /** Offset of the body in the buffer (after the blank line), or the buffer length when there is none. */
  bodyStart: number;
  /** The line break the message uses, so headers we add match it. */
  newline: '\r\n' | '\n';
}

export function splitMessage(message: Buffer): SplitMessage {
  const crlf = message.indexOf('\r\n\r\n');
  const lf = message.indexOf('\n\n');
  let headerEnd: number;
  let bodyStart: number;
  if (message.subarray(0, 2).toString() === '\r\n') [headerEnd, bodyStart] = [0, 2];
  else if (message[0] === 0x0a) [headerEnd, bodyStart] = [0, 1];
  else if (crlf !== -1 && (lf === -1 || crlf < lf)) [headerEnd, bodyStart] = [crlf, crlf + 4];
  else if (lf !== -1) [headerEnd, bodyStart] = [lf, lf + 2];
  else [headerEnd, bodyStart] = [message.length, message.length];
  const headerText = message.subarray(0, headerEnd).toString('utf8');
  const newline = headerText.includes('\r\n') || crlf !== -1 ? '\r\n' : '\n';
  return { headers: parseHeaderBlock(headerText), bodyStart, newline };
}

/** Header lines, unfolded; lines that are not `name: value` (nor continuations) are skipped. */
export function parseHeaderBlock(text: string): Header[] {
  const headers: Header[] = [];
  for (const line of text.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const match = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (match?.[1]) headers.push({ name: match[1], value: (match[2] ?? '').trimEnd() });
  }
  return headers;
}

export function headerValue(headers: Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

export function headerValues(headers: Header[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

/** Decodes bytes in a MIME charset, falling back to UTF-8 for a charset Node does not know. */
export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase();
  try {
    return new TextDecoder(label === 'us-ascii' ? 'utf-8' : label).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** RFC 2047: `=?UTF-8?B?5pel5pys?=` → 日本; whitespace between two encoded words is dropped. */
export function decodeEncodedWords(value: string): string {
  const joined = value.replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (whole, charset: string, encoding: string, text: string) => {
    const bareCharset = charset.split('*')[0];
    let bytes: Buffer;
    if (encoding.toUpperCase() === 'B') {
      bytes = Buffer.from(text, 'base64');
    } else {
      const qText = text.replace(/_/g, ' ');
      bytes = Buffer.from(qText.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    }
    const decoded = decodeCharset(bytes, bareCharset);
    return decoded === '' && text !== '' ? whole : decoded;
  });
}

export interface Address {
  name?: string;
  address: string;
}

const ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+$/;

/**
 * `"Li, Wei" <wei@factory.cn>, ops@agency.com, Team: a@x.com, b@y.com;` → addresses; throws on one that is not an
 * address so the caller can answer Gmail's 400 for that header.
 */
export function parseAddressList(value: string): Address[] {
  const out: Address[] = [];
  for (const item of splitOutsideQuotes(value, ',')) {
    let text = item.trim();
    // group syntax: "Team: a@x.com, b@y.com;" — the name is dropped, members kept
    const group = /^[^"<]*?:\s*(.*?);?$/.exec(text);
    if (group && !text.includes('<') && !ADDRESS.test(text)) text = group[1]?.trim() ?? '';
    text = text.replace(/;$/, '').trim();
    if (text === '') continue;
    const angle = /^(.*?)<\s*([^>]*)\s*>\s*(\(.*\))?$/.exec(text);
    const address = (angle ? angle[2] : text.replace(/\(.*?\)/g, ''))?.trim() ?? '';
    if (!ADDRESS.test(address)) throw new Error(`'${item.trim()}' is not an email address`);
    const name = angle?.[1]?.trim().replace(/^"(.*)"$/, '$1');
    out.push(name ? { name: decodeEncodedWords(name), address } : { address });
  }
  return out;
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i] as string;
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '<') angle += 1;
    else if (!quoted && c === '>') angle = Math.max(0, angle - 1);
    if (c === separator && !quoted && angle === 0) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** `multipart/mixed; boundary="b1"; charset=utf-8` → type and lower-cased parameter names (RFC 2231 `*=` decoded). */
export function parseParameterized(value: string | undefined): { value: string; params: Record<string, string> } {
  const [head = '', ...rest] = splitOutsideQuotes(value ?? '', ';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    let key = part.slice(0, eq).trim().toLowerCase();
    let val = part.slice(eq + 1).trim().replace(/^"(.*)"$/s, '$1');
    if (key.endsWith('*')) {
      key = key.slice(0, -1);
      const ext = /^([^']*)'[^']*'(.*)$/.exec(val);
      if (ext) {
        const bytes = (ext[2] ?? '').replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        val = decodeCharset(Buffer.from(bytes, 'latin1'), ext[1] || 'utf-8');
      }
    }
    params[key] = val;
  }
  return { value: head.trim().toLowerCase(), params };
}
