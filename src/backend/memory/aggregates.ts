/** The derived per-user figures the list, summary and indexes read, recomputed by `Store.commit`. */
import type { SessionRecord, UserRecord } from './records.js';

/** Real-session aggregates of one user: count, last event, orders, and the active-time prefix sums. */
export function refreshAggregates(user: UserRecord): void {
  let realCount = 0;
  let lastEventAt: number | null = null;
  let orderCount = 0;
  const real: SessionRecord[] = [];
  for (const session of user.sessions) {
    if (!session.real) continue;
    realCount++;
    orderCount += session.orderCount;
    if (lastEventAt === null || session.endedAt > lastEventAt) lastEventAt = session.endedAt;
    real.push(session);
  }
  real.sort((a, b) => a.startedAt - b.startedAt);
  const starts = new Float64Array(real.length);
  const prefix = new Float64Array(real.length + 1);
  for (let i = 0; i < real.length; i++) {
    starts[i] = real[i]!.startedAt;
    prefix[i + 1] = prefix[i]! + real[i]!.duration;
  }
  user.realCount = realCount;
  user.lastEventAt = lastEventAt;
  user.orderCount = orderCount;
  user.realStarts = starts;
  user.realPrefix = prefix;
}
