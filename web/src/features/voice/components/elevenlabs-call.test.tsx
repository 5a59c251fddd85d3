import { act, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { ConversationPanel } from './conversation-panel';
import { makeVoiceSession } from './voice-test-data';

/** A stand-in for the ElevenLabs SDK: what the call asked of it, and its callbacks to drive. */
const sdk = vi.hoisted(() => ({
  options: {} as Record<string, (...args: never[]) => void>,
  startSession: vi.fn(),
  endSession: vi.fn(),
  state: { status: 'disconnected', isSpeaking: false },
}));

vi.mock('@elevenlabs/react', () => ({
  ConversationProvider: ({ children }: { children: ReactNode }) => children,
  useConversation: (options: Record<string, (...args: never[]) => void>) => {
    sdk.options = options;
    return {
      ...sdk.state,
      isMuted: false,
      setMuted: vi.fn(),
      startSession: sdk.startSession,
      endSession: sdk.endSession,
    };
  },
}));

describe('ElevenLabs voice call', () => {
  beforeEach(() => {
    sdk.startSession.mockReset();
    sdk.endSession.mockReset();
    sdk.state = { status: 'disconnected', isSpeaking: false };
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: {
        getUserMedia: vi.fn(async () => ({ getTracks: () => [{ stop: vi.fn() }] })),
      },
    });
  });

  it('connects with the signed URL, reports the conversation id, shows the live transcript and ends on request', async () => {
    signIn({ role: 'agent' as never });
    const session = makeVoiceSession({ provider: 'elevenlabs', conversationId: null });
    const patches: unknown[] = [];
    mockApi(({ method, path, body }) => {
      if (method === 'PATCH' && path === `/voice/sessions/${session.id}`) {
        patches.push(body);
        return { body: { ...session, conversationId: 'conv_123' } };
      }
      return { status: 404, body: { message: 'No' } };
    });
    const onEnded = vi.fn();
    const dynamicVariables = { voice_session_id: session.id, customer_name: '' };
    const { user, rerender } = renderWithProviders(
      <ConversationPanel
        start={{
          session,
          connection: { provider: 'elevenlabs', signedUrl: 'wss://signed', agentId: 'agent_1' },
          dynamicVariables,
        }}
        ended={false}
        onEnded={onEnded}
      />,
    );

    await expect.poll(() => sdk.startSession.mock.calls.length).toBe(1);
    expect(sdk.startSession).toHaveBeenCalledWith({ signedUrl: 'wss://signed', dynamicVariables });
    // The panel renders its connected state after the SDK call resolves.
    expect(await screen.findByText('Microphone on')).toBeVisible();

    act(() => {
      sdk.state = { status: 'connected', isSpeaking: true };
      (sdk.options.onConnect as (p: { conversationId: string }) => void)({
        conversationId: 'conv_123',
      });
      (sdk.options.onMessage as (p: { message: string; role: string }) => void)({
        message: 'Hello, this is support.',
        role: 'agent',
      });
    });
    await expect.poll(() => patches).toEqual([{ conversationId: 'conv_123' }]);
    const transcript = screen.getByRole('log', { name: 'Transcript' });
    expect(within(transcript).getByText('Hello, this is support.')).toBeVisible();
    expect(screen.getByText('Agent is speaking')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'End call' }));
    await expect.poll(() => sdk.endSession.mock.calls.length).toBe(1);
    await expect.poll(() => onEnded.mock.calls).toEqual([[{ connected: true }]]);

    rerender(
      <ConversationPanel
        start={{
          session,
          connection: { provider: 'elevenlabs', signedUrl: 'wss://signed', agentId: 'agent_1' },
          dynamicVariables,
        }}
        ended
        onEnded={onEnded}
      />,
    );
    expect(screen.queryByRole('button', { name: 'End call' })).not.toBeInTheDocument();
    expect(screen.getByText('Ended')).toBeVisible();
  });

  it('explains a refused microphone instead of connecting', async () => {
    signIn({ role: 'agent' as never });
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: { getUserMedia: vi.fn(async () => Promise.reject(new Error('NotAllowed'))) },
    });
    mockApi(() => ({ status: 404, body: { message: 'No' } }));
    const onEnded = vi.fn();
    const session = makeVoiceSession({ provider: 'elevenlabs' });
    renderWithProviders(
      <ConversationPanel
        start={{
          session,
          connection: { provider: 'elevenlabs', signedUrl: 'wss://signed', agentId: 'agent_1' },
          dynamicVariables: {},
        }}
        ended={false}
        onEnded={onEnded}
      />,
    );

    expect(await screen.findByRole('alert')).toHaveTextContent('Microphone access was refused');
    expect(screen.getByText('Microphone blocked')).toBeVisible();
    expect(sdk.startSession).not.toHaveBeenCalled();
    expect(onEnded).toHaveBeenCalledWith({ connected: false });
  });

  it('ends a call that failed to connect without waiting for an outcome', async () => {
    signIn({ role: 'agent' as never });
    mockApi(() => ({ status: 404, body: { message: 'No' } }));
    const onEnded = vi.fn();
    const session = makeVoiceSession({ provider: 'elevenlabs' });
    renderWithProviders(
      <ConversationPanel
        start={{
          session,
          connection: { provider: 'elevenlabs', conversationToken: 'token', agentId: 'agent_1' },
          dynamicVariables: {},
        }}
        ended={false}
        onEnded={onEnded}
      />,
    );

    await expect.poll(() => sdk.startSession.mock.calls.length).toBe(1);
    expect(sdk.startSession).toHaveBeenCalledWith({
      conversationToken: 'token',
      dynamicVariables: {},
    });
    act(() => {
      (sdk.options.onError as (message: string) => void)('Could not reach ElevenLabs');
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach ElevenLabs');
    expect(onEnded).toHaveBeenCalledWith({ connected: false });
  });
});
