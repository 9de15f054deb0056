// The rows every contender renders: deterministic tracked users shaped as the list API serves them
// (display name, traits with an email, tags from core's rules, every status), made in a few ms so the
// benchmark measures rendering, not a dataset generator.
import { computeTags, deriveStatus, seededRandom } from '../../src/core/index.js';
import type { TrackedUserListItem } from '../../src/backend/index.js';

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Alan', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Turing', 'Perlman'];
export const BENCH_PROJECTS = [
  { id: 'p-shop', name: 'Shop' },
  { id: 'p-docs', name: 'Docs' },
  { id: 'p-app', name: 'Mobile app' },
];
const HOUR = 3_600_000;

/**
 * `count` users, newest activity first, as of `now`, as an adapter hands them over: parsed from JSON, so
 * every string is flat like in a real answer (strings built by templates would be flattened later by
 * whichever contender first hashes them, and that copy would be charged to its heap).
 */
export function benchRows(count: number, now: number): TrackedUserListItem[] {
  return JSON.parse(JSON.stringify(generateRows(count, now))) as TrackedUserListItem[];
}

function generateRows(count: number, now: number): TrackedUserListItem[] {
  const random = seededRandom('browser-bench');
  const rows: TrackedUserListItem[] = [];
  let lastEventAt = now - 30_000;
  for (let i = 0; i < count; i++) {
    const project = BENCH_PROJECTS[i % BENCH_PROJECTS.length]!;
    const first = FIRST[Math.floor(random() * FIRST.length)]!;
    const last = LAST[Math.floor(random() * LAST.length)]!;
    const externalId = `user-${(i + 1).toString(36).padStart(5, '0')}`;
    const named = random() < 0.8;
    const traits: Record<string, unknown> = named
      ? { name: `${first} ${last}`, email: `${first}.${last}${i}@example.com`.toLowerCase() }
      : {};
    if (random() < 0.3) traits['company'] = 'Initech';
    if (random() < 0.2) traits['plan'] = 'pro';
    const sessionCount = 1 + Math.floor(random() * random() * 400);
    const createdAt = now - Math.floor(random() * 120 * 24 * HOUR);
    lastEventAt -= Math.floor(random() * random() * 4 * HOUR);
    const orderCount = random() < 0.15 ? 1 + Math.floor(random() * 5) : 0;
    rows.push({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      externalId,
      displayName: named ? `${first} ${last}` : externalId,
      projectId: project.id,
      projectName: project.name,
      traits,
      sessionCount,
      lastEventAt: new Date(lastEventAt).toISOString(),
      status: deriveStatus(lastEventAt, now),
      activeTime7d: Math.floor(random() * 20_000),
      createdAt: new Date(createdAt).toISOString(),
      identity: 'identified',
      tags: computeTags({ sessionCount, firstSeenAt: createdAt, traits, orderCount, identified: true, now }),
      orderCount,
    });
  }
  return rows;
}
