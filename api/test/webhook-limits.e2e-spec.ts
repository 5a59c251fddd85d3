import { request as httpRequest } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AppRole } from '../src/config/config';
import { createTestApp } from './support/app';
import { signed } from './support/elevenlabs';
import { freePort } from './support/wait';

const SECRET = 'whsec_limits_test';
const MB = 1024 * 1024;

describe('webhook intake limits', () => {
  let app: NestFastifyApplication;
  let port: number;
  let audioDir: string;

  beforeAll(async () => {
    port = await freePort();
    audioDir = await mkdtemp(join(tmpdir(), 'navaia-audio-'));
    app = await createTestApp({
      role: AppRole.Http,
      port,
      publicBaseUrl: `http://127.0.0.1:${port}`,
      elevenLabs: { webhookSecrets: [SECRET] },
      audioDir,
    });
    await app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await rm(audioDir, { recursive: true, force: true });
  });

  /**
   * Announces a body of `length` bytes, sends its first 64 kB and waits: the answer must come
   * without the rest, which is never sent.
   */
  function answerBeforeBody(path: string, headers: Record<string, string>, length = 64 * MB) {
    return new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { ...headers, 'content-length': String(length) },
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error('no answer before the body was sent'));
      }, 5_000);
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection });
        });
      });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(64 * 1024, 'x'));
    });
  }

  it.each([
    ['ElevenLabs without a signature', '/api/v1/webhooks/elevenlabs', {}],
    [
      'ElevenLabs with a malformed signature',
      '/api/v1/webhooks/elevenlabs',
      { 'elevenlabs-signature': 'sha256=abc' },
    ],
    ['Twilio status without a signature', '/api/v1/webhooks/twilio/status', {}],
    [
      'Twilio voice with a malformed signature',
      '/api/v1/webhooks/twilio/voice',
      { 'x-twilio-signature': 'not base64 at all' },
    ],
  ])('refuses %s with 401 before reading the body', async (_name, path, headers) => {
    // Within each route's limit: 64 MB for ElevenLabs (recordings), 1 MB for Twilio.
    const length = path.includes('twilio') ? MB : 64 * MB;
    const res = await answerBeforeBody(
      path,
      { 'content-type': 'application/json', ...(headers as Record<string, string>) },
      length,
    );
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).code).toBe('invalid_signature');
    expect(res.connection).toBe('close');
  });

  it('refuses a body announced over the limit with 413 before reading it', async () => {
    const res = await answerBeforeBody('/api/v1/webhooks/twilio/status', {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': 'GvWf1cFY/Q7PnoempGyD5oXAezc=',
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).code).toBe('payload_too_large');
  });

  it('answers 413 to a Twilio callback over 1 MB, also when its length is not announced', async () => {
    const http = request(app.getHttpServer());
    const body = `CallSid=CA${'a'.repeat(32)}&Note=${'x'.repeat(MB)}`;
    const res = await http
      .post('/api/v1/webhooks/twilio/status')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-Twilio-Signature', 'GvWf1cFY/Q7PnoempGyD5oXAezc=')
      .send(body);
    expect(res.status).toBe(413);
    const chunked = await new Promise<number>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/webhooks/twilio/voice',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': 'GvWf1cFY/Q7PnoempGyD5oXAezc=',
          'transfer-encoding': 'chunked',
        },
      });
      req.on('response', (r) => resolve(r.statusCode ?? 0));
      req.on('error', () => undefined);
      req.end(body);
    });
    expect(chunked).toBe(413);
  });

  it('takes 1 MB at most for ElevenLabs events other than recordings, and large recordings', async () => {
    const http = request(app.getHttpServer());
    const conversationId = `conv_limits_${Date.now()}`;
    const transcription = signed(
      {
        type: 'post_call_transcription',
        event_timestamp: Math.floor(Date.now() / 1000),
        data: { conversation_id: conversationId, note: 'x'.repeat(MB) },
      },
      SECRET,
    );
    await http
      .post('/api/v1/webhooks/elevenlabs')
      .set('Content-Type', 'application/json')
      .set('ElevenLabs-Signature', transcription.signature)
      .send(transcription.body)
      .expect(413);

    const audio = Buffer.alloc(3 * MB, 7);
    const recording = signed(
      {
        type: 'post_call_audio',
        event_timestamp: Math.floor(Date.now() / 1000),
        data: {
          agent_id: 'agent_test',
          conversation_id: conversationId,
          full_audio: audio.toString('base64'),
        },
      },
      SECRET,
    );
    const res = await http
      .post('/api/v1/webhooks/elevenlabs')
      .set('Content-Type', 'application/json')
      .set('ElevenLabs-Signature', recording.signature)
      .send(recording.body)
      .expect(200);
    expect(res.body.received).toBe(true);
    expect((await readFile(join(audioDir, `${conversationId}.mp3`))).equals(audio)).toBe(true);
  });

  it('reads two recordings at once at most, so forged ones cannot fill the memory', async () => {
    // Well-formed and in time, but signed with nothing: checked only once the body is in.
    const forged = `t=${Math.floor(Date.now() / 1000)},v0=${'ab'.repeat(32)}`;
    const head = Buffer.from('{"type":"post_call_audio","data":{"full_audio":"');
    const upload = () => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/webhooks/elevenlabs',
        headers: { 'content-type': 'application/json', 'elevenlabs-signature': forged },
      });
      const answer = new Promise<{ status: number; body: string }>((resolve) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
      });
      req.on('error', () => undefined);
      // Past the first megabyte, so the route knows it is a recording; the rest never comes.
      req.write(Buffer.concat([head, Buffer.alloc(MB + 64 * 1024, 'A')]));
      return { req, answer };
    };
    const reading = [upload(), upload()];
    await new Promise((r) => setTimeout(r, 500));
    const third = upload();
    const refused = await third.answer;
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'recordings_busy' });
    third.req.destroy();

    // Gone clients give their places back: the next forged recording is read, then refused.
    for (const r of reading) r.req.destroy();
    await new Promise((r) => setTimeout(r, 500));
    const next = upload();
    next.req.end('"}}');
    expect((await next.answer).status).toBe(401);
  });
});
