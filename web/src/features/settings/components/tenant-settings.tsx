import { hasRole, Role } from '@navaia/shared';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { useTenant } from '../api/get-tenant';
import { TenantSettingsForm } from './tenant-settings-form';

export function TenantSettings() {
  const { user } = useAuthenticatedSession();
  const tenant = useTenant();

  if (tenant.isPending) return <LoadingState label="Loading organisation settings" />;
  if (tenant.isError) {
    return (
      <ErrorState
        error={tenant.error}
        title="Could not load organisation settings"
        onRetry={() => void tenant.refetch()}
      />
    );
  }
  return <TenantSettingsForm tenant={tenant.data} canEdit={hasRole(user.role, Role.Admin)} />;
}
