import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sendError } from '../../common/errors/exception.filter';
import { RawRouteDoc, viewRef } from '../../common/http/openapi';
import { ElevenLabsIntake } from './elevenlabs-intake';
import { TwilioIntake } from './twilio-intake';

/** Post-call audio arrives base64-encoded in the JSON body and can be large. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024 * 1024;
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
    bodyLimit: WEBHOOK_BODY_LIMIT,
    operation: {
      summary: 'ElevenLabs post-call webhook: signed, stored in the inbox, processed by a job',
      description:
        'Authenticated by `ElevenLabs-Signature: t=<unix>,v0=<hex HMAC-SHA256 of "<t>.<raw body>">` ' +
        'with a secret of ELEVENLABS_WEBHOOK_SECRETS, within ±30 minutes. A repeat of an event ' +
        'answers 200 with `duplicate: true` and changes nothing; a repeat of one not processed ' +
        'yet queues it again. 503 while the job queue is unreachable: the event is kept and ' +
        'processed once the queue is back.',
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
        'Missing → 401, wrong → 403. `callId` is the call Navaia placed.',
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
 * (signatures cover them) and a larger body limit than the rest of the API, and they are
 * authenticated by their signature rather than by a user or API key.
 */
export async function registerWebhookRoutes(app: NestFastifyApplication): Promise<void> {
  const elevenLabs = app.get(ElevenLabsIntake);
  const twilioIntake = app.get(TwilioIntake);
  const twiml = app.get(TwimlSource, { strict: false });
  const logger = new Logger('Webhooks');
  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
        (_request, body, done) => done(null, body),
      );
      scope.post(ELEVENLABS_WEBHOOK_PATH, async (request, reply) => {
        try {
          const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const signature = request.headers['elevenlabs-signature'];
          const accepted = await elevenLabs.receive(
            body,
            typeof signature === 'string' ? signature : undefined,
          );
          return reply
            .status(200)
            .send({ received: true, duplicate: !accepted.created, eventId: accepted.id });
        } catch (error) {
          sendError(error, request, reply, logger);
        }
      });
      scope.post(TWILIO_STATUS_PATH, async (request, reply) => {
        try {
          const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const signature = request.headers['x-twilio-signature'];
          const accepted = await twilioIntake.receiveStatus(
            body,
            typeof signature === 'string' ? signature : undefined,
            request.url,
          );
          return reply
            .status(200)
            .send({ received: true, duplicate: !accepted.created, eventId: accepted.id });
        } catch (error) {
          sendError(error, request, reply, logger);
        }
      });
      scope.post(TWILIO_VOICE_PATH, async (request, reply) => {
        try {
          const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const signature = request.headers['x-twilio-signature'];
          const { callId } = twilioIntake.verify(
            body,
            typeof signature === 'string' ? signature : undefined,
            request.url,
          );
          return reply
            .status(200)
            .header('content-type', 'text/xml; charset=utf-8')
            .send(await twiml.twimlFor(callId));
        } catch (error) {
          sendError(error, request, reply, logger);
        }
      });
    });
}
