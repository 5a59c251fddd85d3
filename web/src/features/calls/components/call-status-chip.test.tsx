import { CallOutcome, CallStatus } from '@navaia/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/test-utils';
import { CallStatusChip } from './call-status-chip';

const chip = () => screen.getByTestId('call-status');

describe('call status chip', () => {
  it('names a live status and pulses nothing when the viewer asked for less motion', () => {
    renderWithProviders(
      <CallStatusChip call={{ status: CallStatus.Ringing, outcome: null, durationSec: null }} />,
    );

    expect(chip()).toHaveTextContent('Ringing');
    expect(chip()).toHaveAttribute('data-status', 'ringing');
    expect(chip().querySelector('[data-animated]')).toBeNull();
  });

  it('pulses while the call is under way when motion is allowed', () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) =>
        ({
          matches: false,
          media: query,
          addEventListener: vi.fn(),
          removeEventListener: vi.fn(),
        }) as unknown as MediaQueryList,
    );
    renderWithProviders(
      <CallStatusChip call={{ status: CallStatus.InProgress, outcome: null, durationSec: null }} />,
    );

    expect(chip()).toHaveTextContent('In progress');
    expect(chip().querySelector('[data-animated]')).not.toBeNull();
  });

  it('shows the outcome and the talk time once the call has ended, and stops pulsing', () => {
    renderWithProviders(
      <CallStatusChip
        call={{ status: CallStatus.Completed, outcome: CallOutcome.Voicemail, durationSec: 65 }}
      />,
    );

    expect(chip()).toHaveTextContent('Completed');
    expect(chip()).toHaveTextContent('Voicemail · 1:05');
    expect(chip().querySelector('[data-animated]')).toBeNull();
  });

  it('does not repeat an outcome the status already says', () => {
    renderWithProviders(
      <CallStatusChip
        call={{ status: CallStatus.Busy, outcome: CallOutcome.Busy, durationSec: null }}
      />,
    );

    expect(chip()).toHaveTextContent(/^Busy$/);
  });
});
