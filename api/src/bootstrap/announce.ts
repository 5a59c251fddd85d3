import { ResolvedConfig } from '../app.module';
import { TelephonyProviderName, VoiceProviderName } from '../config/config';

/** The start-up banner: where to go, how to log in, and what is simulated. */
export function announce(config: ResolvedConfig, demo?: { email: string; password: string }): void {
  const lines = [
    '',
    `  Navaia is running on http://localhost:${config.port}`,
    `  API docs:   http://localhost:${config.port}/api/docs`,
  ];
  if (demo) lines.push(`  Demo login: ${demo.email} / ${demo.password}`);
  const simulated = [
    config.voiceProvider === VoiceProviderName.Simulator && 'voice (no ELEVENLABS_API_KEY)',
    config.telephonyProvider === TelephonyProviderName.Simulator &&
      'telephony (no Twilio credentials)',
  ].filter(Boolean);
  if (simulated.length) lines.push(`  Simulators: ${simulated.join(', ')} — runs fully offline`);
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}
