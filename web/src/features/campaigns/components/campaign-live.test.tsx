import { CampaignStatus, RecipientStatus, type CampaignView } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import CampaignRoute from '../../../app/routes/campaigns/campaign';
import { mockApi, renderWithProviders, requestsOf, signIn } from '../../../testing/test-utils';
import type { CampaignSnapshot } from '../api/campaign-events';
import { makeCampaign, makeRecipient, makeStats } from './campaign-test-data';

/** A server-sent-event response the test writes to, chunk by chunk. */
function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (state.cancelled = true),
  });
  const encoder = new TextEncoder();
  return {
    state,
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

/** What the API holds now: its reads answer with it, and each frame streamed updates it. */
const server: { campaign?: CampaignView; stats?: CampaignSnapshot['stats'] } = {};

/** A frame for a campaign of ten with `done` completed and the rest pending. */
function snapshot(campaign: CampaignView, done: number, status = campaign.status): string {
  const stats = makeStats({
    byStatus: {
      ...makeStats().byStatus,
      [RecipientStatus.Pending]: 10 - done,
      [RecipientStatus.Queued]: 0,
      [RecipientStatus.Calling]: 0,
      [RecipientStatus.Completed]: done,
      [RecipientStatus.NoAnswer]: 0,
      [RecipientStatus.Skipped]: 0,
    },
  });
  const frame: CampaignSnapshot = {
    campaign: { ...campaign, status, progress: { total: 10, done } },
    stats,
  };
  Object.assign(server, frame);
  return `data: ${JSON.stringify(frame)}\n\n`;
}

function setUp(streams: (ReturnType<typeof eventStream> | 503)[]) {
  signIn({ role: 'admin' as never }, { timezone: 'Europe/Berlin' });
  const campaign = makeCampaign({ status: CampaignStatus.Running, name: 'Spring' });
  const base = `/campaigns/${campaign.id}`;
  const queue = [...streams];
  Object.assign(server, { campaign, stats: makeStats() });
  const fetchMock = mockApi(({ method, path, headers }) => {
    if (method === 'GET' && path === base) return { body: server.campaign };
    if (method === 'GET' && path === `${base}/stats`) return { body: server.stats };
    if (method === 'GET' && path === `${base}/recipients`) {
      return { body: { data: [makeRecipient()], nextCursor: null } };
    }
    if (method === 'GET' && path === `${base}/events`) {
      expect(headers.get('Authorization')).toBe('Bearer token-1');
      const next = queue.shift();
      if (next === undefined || next === 503) {
        return { status: 503, body: { message: 'Unavailable' } };
      }
      return next.response;
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  const count = (request: string) =>
    requestsOf(fetchMock).filter((r) => r === `GET ${base}${request}`).length;
  return {
    campaign,
    count,
    ...renderWithProviders(
      <Routes>
        <Route path="/campaigns/:campaignId" element={<CampaignRoute />} />
      </Routes>,
      { route: base },
    ),
  };
}

const progressText = () => screen.getByTestId('campaign-progress');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('campaign page over the event stream', () => {
  it('moves the progress bar from streamed snapshots, reads recipients again (throttled) and does not poll', async () => {
    const stream = eventStream();
    const { campaign, count, unmount } = setUp([stream]);
    await screen.findByRole('region', { name: 'Progress' });
    await expect.poll(() => count('/events')).toBe(1);

    // One frame cut in two, after a keepalive comment.
    const frame = snapshot(campaign, 6);
    stream.write(`: keepalive\n\n${frame.slice(0, 25)}`);
    stream.write(frame.slice(25));
    await expect.poll(() => progressText().textContent).toBe('6/10 · 60%');
    expect(count('/recipients')).toBe(1);

    // Two frames in one chunk: the counts moved, so the recipients are read again, once now…
    stream.write(snapshot(campaign, 7) + snapshot(campaign, 8));
    await expect.poll(() => progressText().textContent).toBe('8/10 · 80%');
    await expect.poll(() => count('/recipients')).toBe(2);
    // …and the second change at most two seconds after the first.
    await wait(1_000);
    expect(count('/recipients')).toBe(2);
    await expect.poll(() => count('/recipients'), { timeout: 3_000 }).toBe(3);

    // Connected, nothing polls: the first reads only.
    expect(count('/stats')).toBe(1);
    expect(count('')).toBe(1);

    unmount();
    expect(stream.state.cancelled).toBe(true);
  });

  it('falls back to polling when the stream drops, and reconnects to it', async () => {
    const first = eventStream();
    const third = eventStream();
    const { campaign, count } = setUp([first, 503, third]);
    await expect.poll(() => count('/events')).toBe(1);
    first.write(snapshot(campaign, 5));
    await expect.poll(() => progressText().textContent).toBe('5/10 · 50%');
    expect(count('/stats')).toBe(1);

    // Dropped while running: reconnect after a second (refused), then two more.
    first.close();
    await expect.poll(() => count('/events'), { timeout: 3_000 }).toBe(2);
    // Meanwhile the page polls its numbers again.
    await expect.poll(() => count('/stats'), { timeout: 3_000 }).toBeGreaterThan(1);
    await expect.poll(() => count('/events'), { timeout: 4_000 }).toBe(3);

    third.write(snapshot(campaign, 10, CampaignStatus.Completed));
    third.close();
    await expect.poll(() => progressText().textContent).toBe('10/10 · 100%');
    const header = screen.getByRole('heading', { name: /Spring/ });
    expect(within(header).getByText('Completed')).toBeVisible();
    // A completed campaign neither polls nor reconnects (its final numbers are read once).
    const read = count('/stats');
    await wait(2_000);
    expect(count('/events')).toBe(3);
    expect(count('/stats')).toBe(read);
    expect(progressText()).toHaveTextContent('10/10 · 100%');
  });
});
