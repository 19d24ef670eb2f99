/** Reading a request body with a size limit, without buffering more than the limit. */
import type { IncomingMessage } from 'node:http';
import { bytesWithMiB, groupDigits } from '../../shared/format/sizes';

export type BodyResult =
  | { ok: true; text: string }
  /** `declaredBytes`: the `Content-Length` that was over the limit; null when the body grew past it. */
  | { ok: false; reason: 'too-large'; declaredBytes: number | null }
  | { ok: false; reason: 'aborted' };

/** What a 413 answer says: the limit, and the declared size when there was one. */
export function bodyTooLargeMessage(limitBytes: number, declaredBytes: number | null): string {
  const size = declaredBytes === null ? 'The request body grew past' : `The request body is ${groupDigits(declaredBytes)} bytes, over`;
  return `${size} the limit of ${bytesWithMiB(limitBytes)}; nothing was done.`;
}

export function readBodyText(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve({ ok: false, reason: 'too-large', declaredBytes: declared });
  return new Promise((resolvePromise) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      resolvePromise(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        chunks.length = 0;
        settle({ ok: false, reason: 'too-large', declaredBytes: null });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => settle({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onError = (): void => settle({ ok: false, reason: 'aborted' });
    const onAborted = (): void => settle({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
