import { Alert, Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { LoginForm } from '../../../features/auth/components/login-form';
import { useSession } from '../../../lib/auth-store';

export default function LoginRoute() {
  const { endReason } = useSession();
  const location = useLocation();
  return (
    <AuthLayout title="Welcome back" subtitle="Log in to your organisation's Navaia portal.">
      {endReason === 'expired' && (
        <Alert color="yellow" role="status">
          Your session has ended. Log in again to continue.
        </Alert>
      )}
      {endReason === 'revoked' && (
        <Alert color="yellow" role="status">
          You were signed out: your session was ended or your access changed. Log in again to
          continue.
        </Alert>
      )}
      <LoginForm />
      <Text size="sm" ta="center">
        New to Navaia?{' '}
        <Anchor component={Link} to="/register" state={location.state}>
          Create an account
        </Anchor>
      </Text>
    </AuthLayout>
  );
}
