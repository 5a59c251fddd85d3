/** One server-sent event: its type (`message` unless named), its data lines joined, its id. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML, server-sent events):
 * feed it text as it arrives, in chunks cut anywhere, and it calls `onEvent` for each complete
 * frame. Comment lines (`: keepalive`) and frames without data are skipped; `\n`, `\r\n` and
 * `\r` all end lines, also when a `\r\n` is split between two chunks.
 */
export function createSseParser(onEvent: (event: SseEvent) => void) {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | null = null;
  // A chunk that ended on `\r`: a `\n` opening the next one belongs to that line end.
  let afterCr = false;

  const dispatch = () => {
    if (data.length) onEvent({ event: event || 'message', data: data.join('\n'), id });
    data = [];
    event = '';
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    // `retry` and unknown fields are ignored: reconnecting is the caller's.
  };

  return {
    push(chunk: string) {
      if (chunk === '') return;
      let text = chunk;
      if (afterCr && text.startsWith('\n')) text = text.slice(1);
      afterCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) afterCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}

/**
 * Reads a streamed response body to its end, decoding UTF-8 across chunk boundaries, and
 * calls `onEvent` for every event in it. Resolves when the server ends the stream; rejects
 * when the connection breaks, `signal` aborts it, or nothing (not even a keepalive comment)
 * arrives for `idleMs`: a connection a proxy silently dropped looks exactly like that.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
  signal?: AbortSignal,
  { idleMs }: { idleMs?: number } = {},
): Promise<void> {
  const parser = createSseParser(onEvent);
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    if (!idleMs) return reader.read();
    return Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => {
        idle = setTimeout(() => reject(new Error(`No data for ${idleMs} ms`)), idleMs);
      }),
    ]).finally(() => clearTimeout(idle));
  };
  try {
    for (;;) {
      const { done, value } = await next();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
  } catch (error) {
    // A frame the caller could not handle: the connection is not read any further.
    cancel();
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
  signal?.throwIfAborted();
}
