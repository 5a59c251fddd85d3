import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../../components/ui/full-page-loader';
import { useSession } from '../../../lib/auth-store';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** Lets only signed-in users through; a user with an initial password must change it first. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;

  if (session.status === 'restoring') return <FullPageLoader label="Restoring your session" />;

  if (session.status === 'anonymous' || !session.user) {
    // After an explicit log-out the next person should not land on the previous one's page.
    const state = session.endReason === 'logout' ? undefined : { from: here };
    return <Navigate to="/login" replace state={state} />;
  }

  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={{ from: here }} />;
  }

  return <Outlet />;
}
