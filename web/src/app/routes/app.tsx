import { Outlet } from 'react-router';
import { AppLayout } from '../../components/layout/app-layout';
import { useLogout } from '../../features/auth/api/logout';
import { useAuthenticatedSession } from '../../lib/auth-store';
import { NAV_ITEMS } from '../nav-items';

export default function AppRoute() {
  const { user, tenant } = useAuthenticatedSession();
  const logout = useLogout();

  return (
    <AppLayout
      navigation={NAV_ITEMS}
      user={user}
      tenantName={tenant.name}
      // Signing out makes the auth guard show the log-in page.
      onLogout={() => logout.mutate()}
    >
      <Outlet />
    </AppLayout>
  );
}
