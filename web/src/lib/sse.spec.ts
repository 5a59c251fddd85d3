import { describe, expect, it } from 'vitest';
import { createSseParser, readEventStream, type SseEvent } from './sse';

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

const data = (events: SseEvent[]) => events.map((event) => event.data);

describe('server-sent events parser', () => {
  it('joins a frame split across chunks, anywhere, even inside a line end', () => {
    const whole = 'data: {"n":1}\r\n\r\ndata: {"n":2}\n\n';
    for (let cut = 1; cut < whole.length; cut++) {
      expect(data(parse([whole.slice(0, cut), whole.slice(cut)]))).toEqual(['{"n":1}', '{"n":2}']);
    }
    expect(data(parse(whole.split('')))).toEqual(['{"n":1}', '{"n":2}']);
  });

  it('reads several frames from one chunk, and waits for the blank line that ends the last', () => {
    expect(data(parse(['data: a\n\ndata: b\n\ndata: c\n']))).toEqual(['a', 'b']);
    expect(data(parse(['data: a\n\ndata: b\n\ndata: c\n', '\n']))).toEqual(['a', 'b', 'c']);
  });

  it('skips comments and keepalives, and frames without data', () => {
    const events = parse([
      ': keepalive\n\n',
      ':\n',
      'data: x\n: in between\n\n',
      'event: ping\n\n',
    ]);
    expect(events).toEqual([{ event: 'message', data: 'x', id: null }]);
  });

  it('joins data lines, keeps the event name and id, and accepts CR line ends', () => {
    const events = parse(['event: progress\rid: 7\rdata: one\rdata:two\rdata\r\r']);
    expect(events).toEqual([{ event: 'progress', data: 'one\ntwo\n', id: '7' }]);
  });

  it('decodes a body whose UTF-8 characters are cut between chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"name":"Zoë ☎"}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readEventStream(body, (event) => events.push(event));
    expect(events.map((event) => JSON.parse(event.data))).toEqual([{ name: 'Zoë ☎' }]);
  });

  it('stops reading when aborted', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: first\n\n'));
      },
    });
    const abort = new AbortController();
    const events: SseEvent[] = [];
    const reading = readEventStream(
      body,
      (event) => {
        events.push(event);
        abort.abort();
      },
      abort.signal,
    );
    await expect(reading).rejects.toThrow();
    expect(data(events)).toEqual(['first']);
  });

  it('gives up on a connection that goes silent, while keepalives keep it open', async () => {
    const encoder = new TextEncoder();
    let push: (text: string) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(encoder.encode(text));
      },
    });
    const events: SseEvent[] = [];
    const reading = readEventStream(body, (event) => events.push(event), undefined, {
      idleMs: 80,
    });
    push('data: first\n\n');
    // Comments every 40 ms: never silent for 80 ms, so the stream stays open.
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      push(': keepalive\n\n');
    }
    push('data: second\n\n');
    // Then nothing: the read fails once 80 ms pass without a byte.
    await expect(reading).rejects.toThrow(/No data for 80 ms/);
    expect(data(events)).toEqual(['first', 'second']);
  });
});
