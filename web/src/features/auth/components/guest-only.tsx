import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../../components/ui/full-page-loader';
import { useSession } from '../../../lib/auth-store';
import { returnPathFrom } from '../return-path';

/** Log-in and registration pages; a signed-in user goes on to where they were heading. */
export function GuestOnly() {
  const session = useSession();
  const location = useLocation();

  if (session.status === 'restoring') return <FullPageLoader label="Restoring your session" />;
  if (session.status === 'authenticated') {
    return <Navigate to={returnPathFrom(location.state)} replace />;
  }
  return <Outlet />;
}
