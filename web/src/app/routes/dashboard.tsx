import { Dashboard } from '../../features/dashboard/components/dashboard';
import { usePageTitle } from './page-title';

export default function DashboardRoute() {
  usePageTitle('Dashboard');
  return <Dashboard />;
}
