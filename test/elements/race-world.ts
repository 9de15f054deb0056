/**
 * The race properties' world for the profile and its blocks: three users whose sessions fall in
 * different ranges (so every range shows different numbers), data pushed as live traffic would, and
 * what each block should show from direct backend calls; and a small world of users for the KPI strip
 * and the list.
 */
import { clipText, type ActivityRange } from '../../src/core/index.js';
import type { DozorBackend } from '../../src/backend/index.js';
import { addUser, createScenario, DAY, HOUR, MINUTE, type Scenario } from './profile-fixtures.js';

export const RACE_USERS = ['usr_ada', 'usr_bob', 'usr_cy'] as const;

/** A fresh backend with the three users (one per property run: runs must not share data). */
export async function raceWorld(): Promise<{ scenario: Scenario; userIds: string[] }> {
  const scenario = createScenario();
  const at = (agoMs: number, minutes: number, path: string) => ({ start: -agoMs, end: -agoMs + minutes * MINUTE, events: 20, path });
  const userIds = [
    await addUser(scenario, {
      externalId: 'usr_ada',
      traits: { name: 'Ada' },
      sessions: [at(1 * HOUR, 10, '/a'), at(5 * HOUR, 5, '/b'), at(20 * HOUR, 7, '/a'), at(3 * DAY, 9, '/c')],
    }),
    await addUser(scenario, { externalId: 'usr_bob', traits: { name: 'Bob' }, sessions: [at(2 * HOUR, 4, '/x'), at(6 * DAY, 3, '/y')] }),
    await addUser(scenario, { externalId: 'usr_cy', sessions: [at(2 * DAY, 12, '/z')] }),
  ];
  return { scenario, userIds };
}

let pushed = 0;
/** One more real session for `externalId`, as live traffic would bring. */
export async function ingestFor(scenario: Scenario, externalId: string): Promise<void> {
  pushed++;
  await addUser(scenario, {
    externalId,
    sessions: [
      { start: -(pushed % 50) * MINUTE - 3 * MINUTE, end: -(pushed % 50) * MINUTE - MINUTE, events: 12, path: `/new/${pushed % 3}` },
    ],
  });
}

/** What the blocks should show for `userId` and `range`, from direct backend calls. */
export async function expectedBlocks(backend: DozorBackend, userId: string, range: ActivityRange) {
  const [detail, activity, timeline, sessions] = await Promise.all([
    backend.getUser(userId),
    backend.getActivity(userId, { range, pageLimit: 5 }),
    backend.getTimeline(userId, { range }),
    backend.listSessions(userId, {}),
  ]);
  return {
    name: clipText(detail.displayName),
    notFound: false,
    selectorRange: range,
    sessionsStat: String(activity.summary.sessionCount),
    chartBuckets: activity.buckets.filter((bucket) => bucket.total > 0).length,
    pages: activity.pageDistribution.map((row) => row.pathname),
    bars: timeline.sessions.length,
    sessionRows: sessions.data.length,
  };
}

/** A small world: users with telling names, seen at different times (so statuses and sorts differ). */
export async function overviewWorld(prefix: string): Promise<Scenario> {
  const scenario = createScenario();
  const people: [string, number, number][] = [
    ['ada', 1 * MINUTE, 2],
    ['bob', 3 * HOUR, 1],
    ['bonnie', 2 * DAY, 3],
    ['cy', 9 * DAY, 1],
    ['abe', 30 * MINUTE, 4],
  ];
  for (const [name, ago, sessions] of people) {
    await addUser(scenario, {
      externalId: `${prefix}-${name}`,
      traits: { name: `${prefix} ${name}` },
      sessions: Array.from({ length: sessions }, (_, i) => ({
        start: -ago - (i + 1) * HOUR,
        end: -ago - (i + 1) * HOUR + 5 * MINUTE,
        events: 20,
        path: '/',
      })),
    });
  }
  return scenario;
}

let listPushed = 0;
/** New data, as live traffic would bring: one more user, seen just now. */
export async function ingestNewUser(scenario: Scenario): Promise<void> {
  listPushed++;
  await addUser(scenario, {
    externalId: `new-${listPushed}`,
    traits: { name: `new ${listPushed}` },
    sessions: [{ start: -2 * MINUTE, end: -MINUTE, events: 15, path: '/' }],
  });
}
