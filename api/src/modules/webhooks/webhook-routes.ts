import { RequestErrorCode, WebhookErrorCode } from '@navaia/shared';
import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppException } from '../../common/errors/app.exception';
import { sendError } from '../../common/errors/exception.filter';
import { RawRouteDoc, viewRef } from '../../common/http/openapi';
import { ElevenLabsIntake } from './elevenlabs-intake';
import { TwilioIntake } from './twilio-intake';
import type { AcceptedEvent } from './webhook-inbox.service';

/** Provider callbacks and events are small; only recordings are not. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/**
 * Post-call audio arrives base64-encoded in the JSON body of the ElevenLabs route (the same URL
 * as the other events), so that route reads up to this much, but only for a body whose first
 * megabyte says `"type":"post_call_audio"` (ElevenLabs puts `type` first); anything else stops
 * at `WEBHOOK_BODY_LIMIT`.
 */
export const WEBHOOK_AUDIO_BODY_LIMIT = 64 * 1024 * 1024;
const AUDIO_EVENT = /"type"\s*:\s*"post_call_audio"/;
/**
 * Recordings read at once by one process. Anyone can send a well-formed signature header, and
 * the signature is checked only once the whole body is in: without a cap, a handful of forged
 * recordings would hold 64 MB each. ElevenLabs retries a 503, so a real one arrives later.
 */
export const WEBHOOK_AUDIO_READS_AT_ONCE = 2;
let audioReads = 0;
export const ELEVENLABS_WEBHOOK_PATH = '/api/v1/webhooks/elevenlabs';
export const TWILIO_STATUS_PATH = '/api/v1/webhooks/twilio/status';
export const TWILIO_VOICE_PATH = '/api/v1/webhooks/twilio/voice';

/** Produces the TwiML that hands a Twilio call to the agent (the telephony module). */
export abstract class TwimlSource {
  abstract twimlFor(callId: string | null): Promise<string>;
}

/** The OpenAPI description of the routes below (Nest's explorer does not see them). */
export const WEBHOOK_ROUTE_DOCS: RawRouteDoc[] = [
  {
    method: 'post',
    path: ELEVENLABS_WEBHOOK_PATH,
    bodyLimit: WEBHOOK_AUDIO_BODY_LIMIT,
    operation: {
      summary: 'ElevenLabs post-call webhook: signed, stored in the inbox, processed by a job',
      description:
        'Authenticated by `ElevenLabs-Signature: t=<unix>,v0=<hex HMAC-SHA256 of "<t>.<raw body>">` ' +
        'with a secret of ELEVENLABS_WEBHOOK_SECRETS, within ±30 minutes; a missing, malformed or ' +
        'out-of-time header is refused with 401 before the body is read. A repeat of an event ' +
        'answers 200 with `duplicate: true` and changes nothing; a repeat of one not processed ' +
        'yet queues it again. 503 while the job queue is unreachable: the event is kept and ' +
        'processed once the queue is back. Bodies up to 1 MB, 64 MB for `post_call_audio` (its ' +
        '`type` within the first megabyte); more is 413.',
      tags: ['webhooks'],
      operationId: 'ElevenLabsWebhook_receive',
      parameters: [
        {
          name: 'ElevenLabs-Signature',
          in: 'header',
          required: true,
          schema: { type: 'string', example: 't=1767225600,v0=5d41402abc4b2a76b9719d911017c592' },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['type', 'event_timestamp', 'data'],
              properties: {
                type: {
                  type: 'string',
                  enum: ['post_call_transcription', 'post_call_audio', 'call_initiation_failure'],
                },
                event_timestamp: { type: 'integer' },
                data: { type: 'object', additionalProperties: true },
              },
            },
          },
        },
      },
      responses: {},
    },
    facts: {
      isPublic: true,
      status: 200,
      success: {
        description: 'Accepted (or a repeat)',
        schema: viewRef('WebhookReceipt'),
      },
      errors: [400, 401, 503],
    },
  },
  ...[
    {
      path: TWILIO_STATUS_PATH,
      operationId: 'TwilioWebhook_status',
      summary:
        'Twilio status callback of an outbound call: signed, stored in the inbox, applied by a job',
      success: { description: 'Accepted (or a repeat)', schema: viewRef('WebhookReceipt') },
    },
    {
      path: TWILIO_VOICE_PATH,
      operationId: 'TwilioWebhook_voice',
      summary: 'Twilio asks how to connect an answered call: TwiML that hands it to the agent',
      success: {
        description: 'TwiML',
        mediaType: 'text/xml',
        schema: {
          type: 'string' as const,
          example: '<Response><Connect><Stream url="wss://…"/></Connect></Response>',
        },
      },
    },
  ].map(({ path, operationId, summary, success }): RawRouteDoc => ({
    method: 'post',
    path,
    bodyLimit: WEBHOOK_BODY_LIMIT,
    operation: {
      summary,
      description:
        'Authenticated by `X-Twilio-Signature`: HMAC-SHA1 with the Twilio auth token over ' +
        'PUBLIC_BASE_URL + path and query, followed by every form field sorted by name. ' +
        'Missing or malformed → 401 before the body is read, wrong → 403. Bodies up to 1 MB. ' +
        '`callId` is the call Navaia placed.',
      tags: ['webhooks'],
      operationId,
      parameters: [
        {
          name: 'X-Twilio-Signature',
          in: 'header',
          required: true,
          schema: { type: 'string', example: 'GvWf1cFY/Q7PnoempGyD5oXAezc=' },
        },
        {
          name: 'callId',
          in: 'query',
          required: false,
          schema: { type: 'string', format: 'uuid' },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['CallSid', 'CallStatus'],
              properties: {
                CallSid: { type: 'string', example: 'CA00000000000000000000000000000002' },
                CallStatus: { type: 'string', example: 'completed' },
                SequenceNumber: { type: 'string', example: '3' },
                AnsweredBy: { type: 'string', example: 'human' },
                CallDuration: { type: 'string', example: '94' },
              },
              additionalProperties: true,
            },
          },
        },
      },
      responses: {},
    },
    facts: { isPublic: true, status: 200, success, errors: [400, 401, 403, 503] },
  })),
];

/**
 * Provider webhooks are plain Fastify routes in their own scope: they need the raw bytes
 * (signatures cover them) and their own body limits, and they are authenticated by their
 * signature rather than by a user or API key. Nobody has to log in to send one, so a request
 * whose signature header cannot be right, or whose declared length is over the limit, is
 * refused before a byte of its body is read, and its connection closed.
 */
export async function registerWebhookRoutes(app: NestFastifyApplication): Promise<void> {
  const elevenLabs = app.get(ElevenLabsIntake);
  const twilioIntake = app.get(TwilioIntake);
  const twiml = app.get(TwimlSource, { strict: false });
  const logger = new Logger('Webhooks');
  const refuse = (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('connection', 'close');
    sendError(error, request, reply, logger);
  };
  const before = (
    header: string,
    limit: number,
    check: (signature: string | undefined) => void,
  ): onRequestHookHandler =>
    function (request, reply, done) {
      try {
        if (Number(request.headers['content-length']) > limit) throw bodyTooLarge(limit);
        const signature = request.headers[header];
        check(typeof signature === 'string' ? signature : undefined);
      } catch (error) {
        return refuse(error, request, reply);
      }
      done();
    };
  /** A route handler given the raw body, the signature header and the URL; errors answered. */
  const signed =
    (
      header: string,
      handle: (
        body: Buffer,
        signature: string | undefined,
        url: string,
        reply: FastifyReply,
      ) => Promise<unknown>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers[header];
        return await handle(
          body,
          typeof signature === 'string' ? signature : undefined,
          request.url,
          reply,
        );
      } catch (error) {
        sendError(error, request, reply, logger);
      }
    };
  const twilioFirst = before('x-twilio-signature', WEBHOOK_BODY_LIMIT, (signature) =>
    twilioIntake.checkHeader(signature),
  );
  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope) => {
      scope.setErrorHandler((error, request, reply) => refuse(error, request, reply));
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
        (_request, body, done) => done(null, body),
      );
      await scope.register(async (events) => {
        events.removeAllContentTypeParsers();
        events.addContentTypeParser('*', (_request, payload, done) => {
          readEventBody(payload).then(
            (body) => done(null, body),
            (error: Error) => done(error),
          );
        });
        events.post(
          ELEVENLABS_WEBHOOK_PATH,
          {
            onRequest: before('elevenlabs-signature', WEBHOOK_AUDIO_BODY_LIMIT, (signature) =>
              elevenLabs.checkHeader(signature),
            ),
          },
          signed('elevenlabs-signature', async (body, signature, _url, reply) =>
            receipt(reply, await elevenLabs.receive(body, signature)),
          ),
        );
      });
      scope.post(
        TWILIO_STATUS_PATH,
        { onRequest: twilioFirst },
        signed('x-twilio-signature', async (body, signature, url, reply) =>
          receipt(reply, await twilioIntake.receiveStatus(body, signature, url)),
        ),
      );
      scope.post(
        TWILIO_VOICE_PATH,
        { onRequest: twilioFirst },
        signed('x-twilio-signature', async (body, signature, url, reply) => {
          const { callId } = twilioIntake.verify(body, signature, url);
          return reply
            .status(200)
            .header('content-type', 'text/xml; charset=utf-8')
            .send(await twiml.twimlFor(callId));
        }),
      );
    });
}

function receipt(reply: FastifyReply, accepted: AcceptedEvent) {
  return reply
    .status(200)
    .send({ received: true, duplicate: !accepted.created, eventId: accepted.id });
}

/**
 * An ElevenLabs body: up to `WEBHOOK_BODY_LIMIT`, or `WEBHOOK_AUDIO_BODY_LIMIT` once its first
 * megabyte shows it is a recording. Past the limit the rest is left unread (not buffered).
 */
function readEventBody(payload: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let limit = WEBHOOK_BODY_LIMIT;
    let holdsAudioRead = false;
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      payload.removeListener('close', stop);
      if (holdsAudioRead) audioReads--;
      holdsAudioRead = false;
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      const before = size;
      size += chunk.length;
      chunks.push(chunk);
      if (before <= WEBHOOK_BODY_LIMIT && size > WEBHOOK_BODY_LIMIT) {
        const head = Buffer.concat(chunks).subarray(0, WEBHOOK_BODY_LIMIT).toString('latin1');
        if (AUDIO_EVENT.test(head)) {
          if (audioReads >= WEBHOOK_AUDIO_READS_AT_ONCE) {
            stop();
            reject(audioBusy());
            return;
          }
          audioReads++;
          holdsAudioRead = true;
          limit = WEBHOOK_AUDIO_BODY_LIMIT;
        }
      }
      if (size > limit) {
        stop();
        reject(bodyTooLarge(limit));
      }
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    payload.on('data', onData);
    payload.once('end', onEnd);
    payload.once('error', onError);
    // A client that goes away mid-body gives its place back.
    payload.once('close', stop);
  });
}

function audioBusy(): AppException {
  return new AppException(
    503,
    WebhookErrorCode.RecordingsBusy,
    `${WEBHOOK_AUDIO_READS_AT_ONCE} recordings are being received; send this one again shortly`,
    undefined,
    { 'Retry-After': '5' },
  );
}

function bodyTooLarge(limit: number): AppException {
  return new AppException(
    413,
    RequestErrorCode.PayloadTooLarge,
    `The request body is over the limit of ${limit / 1024 / 1024} MB for this webhook`,
  );
}
