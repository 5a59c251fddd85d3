import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { RegisterForm } from '../../../features/auth/components/register-form';

export default function RegisterRoute() {
  return (
    <AuthLayout
      title="Create your organisation"
      subtitle="You become its owner and can invite your team afterwards."
    >
      <RegisterForm />
      <Text size="sm" ta="center">
        Already have an account?{' '}
        <Anchor component={Link} to="/login">
          Log in
        </Anchor>
      </Text>
    </AuthLayout>
  );
}
