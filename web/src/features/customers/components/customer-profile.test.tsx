import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCustomer } from '../../../testing/factories';
import { renderWithProviders, signIn } from '../../../testing/test-utils';
import { CustomerProfile } from './customer-profile';

describe('customer profile', () => {
  it('shows the zone of the number’s area when the customer has none stored', () => {
    signIn({}, { timezone: 'UTC' });
    renderWithProviders(
      <CustomerProfile
        customer={makeCustomer({ timezone: null, localZones: ['Europe/London'] })}
      />,
    );
    expect(screen.getByText('Europe/London (from the phone number)')).toBeInTheDocument();
  });

  it('shows the organisation’s zone when the number tells none other', () => {
    signIn({}, { timezone: 'UTC' });
    renderWithProviders(
      <CustomerProfile customer={makeCustomer({ timezone: null, localZones: ['UTC'] })} />,
    );
    expect(screen.getByText('UTC (organisation)')).toBeInTheDocument();
  });

  it('shows a stored zone as it is', () => {
    signIn({}, { timezone: 'UTC' });
    renderWithProviders(
      <CustomerProfile
        customer={makeCustomer({ timezone: 'Asia/Tokyo', localZones: ['Asia/Tokyo'] })}
      />,
    );
    expect(screen.getByText('Asia/Tokyo')).toBeInTheDocument();
  });
});
