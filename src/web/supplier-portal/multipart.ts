/**
 * Reads a portal form (urlencoded, or multipart with photos and videos) with busboy, a maintained streaming
 * parser: file parts stream to a private temp directory, their type is decided from the first bytes, and the size
 * limits are enforced while streaming, so an oversized or disguised upload is refused without ever being held in
 * memory. In Cloud Functions the framework has already read the body (`rawBody`); it is parsed from there, within
 * the platform's 32 MB request limit.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import busboy from 'busboy';
import { SNIFF_BYTES, sniffMediaType, type MediaType } from './media-type.ts';

export interface UploadLimits {
  photoBytes: number;
  videoBytes: number;
  files: number;
  fieldBytes: number;
  fields: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { photoBytes: 15 * 1024 * 1024, videoBytes: 40 * 1024 * 1024, files: 8, fieldBytes: 8 * 1024, fields: 20 };

export interface ReceivedFile {
  path: string;
  type: MediaType;
  bytes: number;
}

export type FormOutcome =
  | { ok: true; fields: Record<string, string>; files: ReceivedFile[]; dir: string }
  | { ok: false; problem: 'too-large' | 'bad-type' | 'bad-form'; detail: string };

export interface FormRequest extends IncomingMessage {
  rawBody?: Buffer;
}

export async function readForm(req: FormRequest, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<FormOutcome> {
  const type = req.headers['content-type'] ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) return { ok: false, problem: 'bad-form', detail: `unsupported content type ${JSON.stringify(type)}` };
  const declared = Number(req.headers['content-length'] ?? NaN);
  const maxTotal = limits.videoBytes * 2 + 1024 * 1024;
  if (Number.isFinite(declared) && declared > maxTotal) return { ok: false, problem: 'too-large', detail: `request of ${declared} bytes` };
  const dir = await mkdtemp(join(tmpdir(), 'supplier-upload-'));
  const outcome = await new Promise<FormOutcome>((resolve) => {
    let settled = false;
    const fields: Record<string, string> = {};
    const files: ReceivedFile[] = [];
    const writing: Promise<void>[] = [];
    const finish = (result: FormOutcome) => {
      if (settled) return;
      settled = true;
      if (!result.ok) {
        // Stop reading: nothing more of this body is kept anywhere.
        req.unpipe(parser);
        req.resume();
      }
      resolve(result);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: Math.max(limits.photoBytes, limits.videoBytes), files: limits.files, fields: limits.fields, fieldSize: limits.fieldBytes, parts: limits.files + limits.fields },
      });
    } catch (error) {
      resolve({ ok: false, problem: 'bad-form', detail: (error as Error).message });
      return;
    }
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return finish({ ok: false, problem: 'bad-form', detail: `field ${name} is too long` });
      fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      if (!info.filename) {
        stream.resume(); // an empty file input
        return;
      }
      const path = join(dir, `upload-${files.length + writing.length}`);
      let head = Buffer.alloc(0);
      let media: MediaType | undefined;
      let bytes = 0;
      const out = createWriteStream(path);
      const done = new Promise<void>((ok, fail) => {
        out.on('finish', ok);
        out.on('error', fail);
      });
      writing.push(done.catch(() => undefined));
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        bytes += chunk.length;
        if (!media) {
          head = Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES);
          if (head.length < SNIFF_BYTES && bytes < SNIFF_BYTES) return void out.write(chunk);
          media = sniffMediaType(head);
          if (!media) {
            stream.resume();
            out.destroy();
            return finish({ ok: false, problem: 'bad-type', detail: `${info.filename} is not a photo or video` });
          }
        }
        const limit = media.kind === 'photo' ? limits.photoBytes : limits.videoBytes;
        if (bytes > limit) {
          stream.resume();
          out.destroy();
          return finish({ ok: false, problem: 'too-large', detail: `${info.filename} is over ${Math.round(limit / 1048576)} MB` });
        }
        // Back-pressure: the request is paused while the disk catches up, so chunks never pile up in memory.
        if (!out.write(chunk)) {
          stream.pause();
          out.once('drain', () => stream.resume());
        }
      });
      stream.on('limit', () => finish({ ok: false, problem: 'too-large', detail: `${info.filename} is too large` }));
      stream.on('end', () => {
        out.end();
        if (settled) return;
        if (!media) media = sniffMediaType(head);
        if (!media) return finish({ ok: false, problem: 'bad-type', detail: `${info.filename} is not a photo or video` });
        files.push({ path, type: media, bytes });
      });
    });
    parser.on('filesLimit', () => finish({ ok: false, problem: 'too-large', detail: `more than ${limits.files} files` }));
    parser.on('fieldsLimit', () => finish({ ok: false, problem: 'bad-form', detail: 'too many fields' }));
    parser.on('partsLimit', () => finish({ ok: false, problem: 'bad-form', detail: 'too many parts' }));
    parser.on('error', (error: Error) => finish({ ok: false, problem: 'bad-form', detail: error.message }));
    parser.on('close', () => {
      void Promise.all(writing).then(() => finish({ ok: true, fields, files, dir }));
    });
    if (req.rawBody) parser.end(req.rawBody);
    else req.pipe(parser);
  });
  if (!outcome.ok) await rm(dir, { recursive: true, force: true });
  return outcome;
}

export async function discardForm(outcome: FormOutcome): Promise<void> {
  if (outcome.ok) await rm(outcome.dir, { recursive: true, force: true });
}
