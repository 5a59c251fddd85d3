import { useParams } from 'react-router';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/ui/query-states';
import { useBooking } from '../../../features/bookings/api/get-booking';
import { BookingDetail } from '../../../features/bookings/components/booking-detail';
import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { isApiError } from '../../../lib/api-client';
import { usePageTitle } from '../page-title';

export default function BookingRoute() {
  const { bookingId = '' } = useParams();
  const booking = useBooking(bookingId);
  usePageTitle(booking.data?.service ?? 'Booking');

  if (booking.isPending) return <LoadingState label="Loading the booking" />;
  if (booking.isError) {
    return isApiError(booking.error) && booking.error.status === 404 ? (
      <NotFoundState
        title="This booking does not exist"
        backTo="/bookings"
        backLabel="All bookings"
      />
    ) : (
      <ErrorState
        error={booking.error}
        title="Could not load the booking"
        onRetry={() => void booking.refetch()}
      />
    );
  }
  return <BookingDetail booking={booking.data} CustomerSelect={CustomerSelect} />;
}
