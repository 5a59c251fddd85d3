import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CampaignStatus, type CampaignStats, type CampaignView } from '@navaia/shared';
import { api, isApiError } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { readEventStream } from '../../../lib/sse';
import {
  campaignQueryKey,
  campaignRecipientsQueryKey,
  campaignStatsQueryKey,
  isLiveCampaign,
} from './get-campaigns';
import { setStreamConnected } from './stream-connections';

/** One frame of `GET /campaigns/:id/events`. */
export interface CampaignSnapshot {
  campaign: CampaignView;
  stats: CampaignStats;
}

/** The statuses the API keeps the stream open for; any other ends it after one snapshot. */
const STREAMED = [CampaignStatus.Scheduled, CampaignStatus.Running, CampaignStatus.Paused];

export const RECONNECT_MIN_MS = 1_000;
/** The API writes at least a keepalive every 15 s; three missed ones mean the link is dead. */
export const STREAM_IDLE_MS = 45_000;
const RECONNECT_MAX_MS = 30_000;
/** The recipients table is a page of rows per request: read again at most this often. */
export const RECIPIENTS_REFRESH_MS = 2_000;

const isStreamed = (status: CampaignStatus) => STREAMED.includes(status);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Runs `run` at once, then at most once per `ms`, the last call of a burst never lost. */
function throttle(run: () => void, ms: number) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call() {
      if (timer !== undefined) return;
      const wait = last + ms - Date.now();
      const fire = () => {
        timer = undefined;
        last = Date.now();
        run();
      };
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Follows a campaign's event stream until it ends on a final status or `signal` aborts,
 * reconnecting with a doubling delay when it drops. A 4xx (the campaign is gone, the access
 * withdrawn) ends it too: the polling queries then say what happened.
 */
async function follow(
  id: string,
  signal: AbortSignal,
  onSnapshot: (snapshot: CampaignSnapshot) => void,
): Promise<void> {
  let delay = RECONNECT_MIN_MS;
  while (!signal.aborted) {
    let streamed = true;
    try {
      const response = await api.stream(`/campaigns/${encodeURIComponent(id)}/events`, {
        signal,
      });
      if (!response.body) return;
      setStreamConnected(id, true);
      await readEventStream(
        response.body,
        ({ data }) => {
          const snapshot = JSON.parse(data) as CampaignSnapshot;
          streamed = isStreamed(snapshot.campaign.status);
          delay = RECONNECT_MIN_MS;
          onSnapshot(snapshot);
        },
        signal,
        { idleMs: STREAM_IDLE_MS },
      );
    } catch (error) {
      if (signal.aborted) return;
      if (isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429)
        return;
    } finally {
      setStreamConnected(id, false);
    }
    if (!streamed) return;
    await sleep(delay, signal);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  }
}

/** Writes a snapshot where the campaign page's queries read it. */
function store(queryClient: QueryClient, tenantId: string, { campaign, stats }: CampaignSnapshot) {
  queryClient.setQueryData(campaignQueryKey(tenantId, campaign.id), campaign);
  queryClient.setQueryData(
    campaignStatsQueryKey(tenantId, campaign.id, isLiveCampaign(campaign.status)),
    stats,
  );
}

/**
 * Keeps the campaign page live from the API's server-sent events while the campaign is
 * scheduled, running or paused: each snapshot goes into the query cache (the campaign and its
 * counters), and the recipients are read again when the counts move. While the stream is not
 * connected, the page's queries poll instead (see `useStreamConnected`).
 */
export function useCampaignEvents(id: string, status: CampaignStatus): void {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  const streamed = isStreamed(status);

  useEffect(() => {
    if (!streamed) return;
    const abort = new AbortController();
    const refreshRecipients = throttle(
      () =>
        void queryClient.invalidateQueries({
          queryKey: campaignRecipientsQueryKey(tenantId, id),
        }),
      RECIPIENTS_REFRESH_MS,
    );
    // The counts of the last snapshot; none yet means the recipients on screen were just read.
    let counts: string | null = null;
    void follow(id, abort.signal, (snapshot) => {
      store(queryClient, tenantId, snapshot);
      const next = JSON.stringify(snapshot.stats.byStatus);
      if (counts !== null && next !== counts) refreshRecipients.call();
      counts = next;
    });
    return () => {
      abort.abort();
      refreshRecipients.cancel();
      setStreamConnected(id, false);
    };
  }, [queryClient, tenantId, id, streamed]);
}
