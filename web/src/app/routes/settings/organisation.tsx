import { TenantSettings } from '../../../features/settings/components/tenant-settings';

export default function OrganisationSettingsRoute() {
  return <TenantSettings />;
}
