import type { TicketPriority } from '@navaia/shared';

/** One entry of ElevenLabs' `transcript[]`; `message` is null on tool-only turns. */
export interface TranscriptTurn {
  role: 'agent' | 'user';
  message: string | null;
  timeInCallSecs: number;
}

/** An entry of `analysis.data_collection_results`; rationale and the like are ignored. */
export interface DataCollectionValue {
  value: unknown;
}

export interface ExtractionInput {
  transcript: TranscriptTurn[];
  /** `analysis.data_collection_results` */
  dataCollection?: Record<string, DataCollectionValue | undefined> | null;
  /** `analysis.transcript_summary` */
  summary?: string | null;
  /** The call's start (`metadata.start_time_unix_secs`); relative dates are read against it. */
  startedAt: Date;
  /** The tenant's IANA zone, e.g. 'Europe/Berlin'. */
  timezone: string;
}

/** Where the intent came from: the agent's own analysis, or our reading of the transcript. */
export type ExtractionSource = 'data_collection' | 'transcript';

export type Extraction =
  | {
      intent: 'support';
      subject: string;
      description: string;
      priority: TicketPriority;
      customerName?: string;
      optOut: boolean;
      source: ExtractionSource;
    }
  | {
      intent: 'booking';
      service: string;
      startsAt: Date | null;
      durationMinutes: number | null;
      notes?: string;
      customerName?: string;
      optOut: boolean;
      source: ExtractionSource;
    }
  | { intent: 'other'; customerName?: string; optOut: boolean; source: ExtractionSource };

export type Intent = Extraction['intent'];
