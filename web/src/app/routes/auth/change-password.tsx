import { Anchor, Text } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { notifySuccess } from '../../../components/ui/notify';
import { useLogout } from '../../../features/auth/api/logout';
import { ChangePasswordForm } from '../../../features/auth/components/change-password-form';
import { returnPathFrom } from '../../../features/auth/return-path';
import { useAuthenticatedSession } from '../../../lib/auth-store';

export default function ChangePasswordRoute() {
  const { user } = useAuthenticatedSession();
  const logout = useLogout();
  const location = useLocation();
  const navigate = useNavigate();
  const forced = user.mustChangePassword;

  return (
    <AuthLayout
      title={forced ? 'Choose your own password' : 'Change password'}
      subtitle={
        forced
          ? 'You signed in with a password someone else set. Replace it to continue.'
          : undefined
      }
    >
      <ChangePasswordForm
        onChanged={() => {
          notifySuccess('Your password was changed');
          navigate(returnPathFrom(location.state), { replace: true });
        }}
      />
      <Text size="sm" ta="center">
        {forced ? (
          <Anchor component="button" type="button" onClick={() => logout.mutate()}>
            Log out
          </Anchor>
        ) : (
          <Anchor component={Link} to="/">
            Back to Navaia
          </Anchor>
        )}
      </Text>
    </AuthLayout>
  );
}
