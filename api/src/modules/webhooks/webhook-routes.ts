import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sendError } from '../../common/errors/exception.filter';
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
