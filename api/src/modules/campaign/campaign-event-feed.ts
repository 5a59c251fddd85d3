import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { CampaignStats, CampaignStatus, CampaignView } from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { CampaignService } from './campaign.service';

export const LIVE_INTERVAL_MS = 1_000;
/** A quiet stream still writes this often, so a dead connection is noticed at both ends. */
export const KEEPALIVE_MS = 15_000;
/** Live while the campaign can change by itself; a draft or a finished one is one snapshot. */
const LIVE = [CampaignStatus.Scheduled, CampaignStatus.Running, CampaignStatus.Paused];

export interface CampaignSnapshot {
  campaign: CampaignView;
  stats: CampaignStats;
}

/** Where a stream's frames go: `write` an SSE frame, `end` the stream. */
export interface StreamSink {
  write(frame: string): void;
  end(): void;
}

interface Subscriber {
  sink: StreamSink;
  sent: string | null;
  wroteAt: number;
}

interface Feed {
  tenantId: string;
  campaignId: string;
  subscribers: Set<Subscriber>;
  last: string | null;
  timer?: NodeJS.Timeout;
}

/**
 * The campaign and its stats as server-sent-event frames. All streams of one campaign in this
 * process share one feed: one read per second whatever the number of streams, each stream
 * written only when the snapshot differs from what it last got (a keepalive comment every
 * 15 s otherwise). The feed stops with its last stream, or when the campaign is no longer live.
 */
@Injectable()
export class CampaignEventFeed implements OnModuleDestroy {
  private readonly feeds = new Map<string, Feed>();

  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly campaigns: CampaignService,
  ) {}

  /** Adds a stream to the campaign's feed; the answer removes it. */
  subscribe(tenantId: string, campaignId: string, sink: StreamSink): () => void {
    const key = `${tenantId}:${campaignId}`;
    let feed = this.feeds.get(key);
    const subscriber: Subscriber = { sink, sent: null, wroteAt: Date.now() };
    if (!feed) {
      feed = { tenantId, campaignId, subscribers: new Set([subscriber]), last: null };
      this.feeds.set(key, feed);
      // Out of the request's transaction, in a context of its own.
      const started = feed;
      void this.context.run(() => {
        this.context.write('transaction', undefined);
        return this.poll(key, started);
      });
    } else {
      feed.subscribers.add(subscriber);
      if (feed.last !== null) this.send(subscriber, feed.last);
    }
    const joined = feed;
    return () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0) this.stop(key, joined);
    };
  }

  /** One read of the campaign as a stream shows it. */
  read(tenantId: string, campaignId: string): Promise<CampaignSnapshot> {
    return this.db.run(tenantId, async () => ({
      campaign: await this.campaigns.view(campaignId),
      stats: await this.campaigns.stats(campaignId),
    }));
  }

  private async poll(key: string, feed: Feed): Promise<void> {
    if (this.feeds.get(key) !== feed) return;
    let snapshot: CampaignSnapshot;
    try {
      snapshot = await this.read(feed.tenantId, feed.campaignId);
    } catch {
      // The campaign was deleted, or the database went away: clients reconnect.
      return this.finish(key, feed);
    }
    const text = JSON.stringify(snapshot);
    feed.last = text;
    const now = Date.now();
    for (const subscriber of feed.subscribers) {
      if (subscriber.sent !== text) this.send(subscriber, text);
      else if (now - subscriber.wroteAt >= KEEPALIVE_MS) {
        // A comment: clients and proxies see the connection alive while nothing changes.
        subscriber.sink.write(': keepalive\n\n');
        subscriber.wroteAt = now;
      }
    }
    if (!LIVE.includes(snapshot.campaign.status)) return this.finish(key, feed);
    if (this.feeds.get(key) === feed)
      feed.timer = setTimeout(() => void this.poll(key, feed), LIVE_INTERVAL_MS);
  }

  private send(subscriber: Subscriber, text: string): void {
    subscriber.sink.write(`data: ${text}\n\n`);
    subscriber.sent = text;
    subscriber.wroteAt = Date.now();
  }

  private finish(key: string, feed: Feed): void {
    this.stop(key, feed);
    for (const subscriber of feed.subscribers) subscriber.sink.end();
    feed.subscribers.clear();
  }

  private stop(key: string, feed: Feed): void {
    clearTimeout(feed.timer);
    if (this.feeds.get(key) === feed) this.feeds.delete(key);
  }

  onModuleDestroy(): void {
    for (const [key, feed] of this.feeds) this.finish(key, feed);
  }
}
