export interface CallingWindow {
  /** Local time `HH:MM`, inclusive. */
  start: string;
  /** Local time `HH:MM`, exclusive. */
  end: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
}

export interface TenantLimits {
  callsPerSecond: number;
  maxConcurrentCalls: number;
  dailyCallCap: number;
}

export interface TenantVoiceSettings {
  /** Maps a purpose to an ElevenLabs agent id. */
  agents: { support?: string; sales?: string };
  phoneNumberId?: string;
}

export interface TenantTelephonySettings {
  fromNumber?: string;
}

export interface TenantView {
  id: string;
  name: string;
  timezone: string;
  defaultCountry: string;
  callingWindow: CallingWindow;
  limits: TenantLimits;
  voice: TenantVoiceSettings;
  telephony: TenantTelephonySettings;
  createdAt: string;
}

export const DEFAULT_CALLING_WINDOW: CallingWindow = {
  start: '08:00',
  end: '21:00',
  days: [1, 2, 3, 4, 5, 6, 7],
};

export const DEFAULT_TENANT_LIMITS: TenantLimits = {
  callsPerSecond: 1,
  maxConcurrentCalls: 5,
  dailyCallCap: 1000,
};
