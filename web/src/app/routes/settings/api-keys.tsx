import { ApiKeysPage } from '../../../features/api-keys/components/api-keys-page';

export default function ApiKeysSettingsRoute() {
  return <ApiKeysPage />;
}
