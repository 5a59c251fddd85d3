import { TeamMembers } from '../../../features/settings/components/team-members';

export default function TeamSettingsRoute() {
  return <TeamMembers />;
}
