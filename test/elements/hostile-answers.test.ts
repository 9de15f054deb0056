/**
 * Hostile answers (issue 15): served through `createHttpBackend` with a custom fetch, each must end in
 * a bounded state (a typed invalid-response error with retry, or a truncated view) without the page
 * running a task longer than 200 ms, measured with a PerformanceObserver for long tasks.
 *
 * This machine is shared (its load varies tenfold), so each hostile run is paired with the same
 * element on the real answers just before: the limit is 200 ms, or 1.5 × that benign run's longest
 * task when the machine is so loaded that even the benign run exceeds it; a pair over its limit runs
 * once more. Unbounded work (the seconds these answers used to cost) fails either way.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/provider/define.js';
import '../../src/elements/user-profile/define.js';
import '../../src/elements/user-list/define.js';
import '../../src/elements/activity-chart/define.js';
import '../../src/elements/sessions-timeline/define.js';
import '../../src/elements/session-journey/define.js';
import { createHttpBackend, type DozorBackend, type TimelineSession, type UserTimeline } from '../../src/backend/index.js';
import type { DozorSessionsTimeline } from '../../src/elements/sessions-timeline/sessions-timeline.js';
import { addUser, createScenario, DAY, HOUR, MINUTE, NOW, providerHost, withRole } from './profile-fixtures.js';
import { settled, until } from '../wait.js';

const LONG_TASK_LIMIT_MS = 200;
const BASE = 'http://dozor.test';

type Answers = Record<'summary' | 'projects' | 'users' | 'detail' | 'activity' | 'timeline' | 'sessions' | 'status', unknown>;

/** The wire answers of one real user, from the memory backend (the contract's shapes). */
async function realAnswers(): Promise<{ answers: Answers; userId: string }> {
  const scenario = createScenario();
  const userId = await addUser(scenario, {
    externalId: 'usr_hostile',
    traits: { email: 'h@example.test', plan: 'pro' },
    sessions: [
      { start: -3 * HOUR, end: -3 * HOUR + 10 * MINUTE, events: 40, path: '/pricing' },
      { start: -2 * DAY, end: -2 * DAY + 5 * MINUTE, events: 20, path: '/docs' },
    ],
  });
  const b = scenario.backend;
  const answers: Answers = {
    summary: await b.getSummary(),
    projects: await b.listProjects(),
    users: await b.listUsers({}),
    detail: await b.getUser(userId),
    activity: await b.getActivity(userId, { range: '7d' }),
    timeline: await b.getTimeline(userId, { range: '7d' }),
    sessions: await b.listSessions(userId),
    status: await b.getStatus(userId),
  };
  return { answers: JSON.parse(JSON.stringify(answers)) as Answers, userId };
}

/** An HTTP backend whose fetch serves these bodies (pre-serialised, so the test's own work is not measured). */
type Bodies = Record<keyof Answers, string>;

function servedBackend(bodies: Bodies): DozorBackend {
  const route = (path: string): keyof Answers => {
    if (path === '/api/tracked-users/summary') return 'summary';
    if (path === '/api/projects') return 'projects';
    if (path === '/api/tracked-users') return 'users';
    const sub = /^\/api\/tracked-users\/[^/]+\/(activity|timeline|sessions|status)$/.exec(path)?.[1];
    return (sub as keyof Answers | undefined) ?? 'detail';
  };
  // Encoded up front, and handed over in 64 kB chunks as a network would: the test double's own work stays out of the runs.
  const encoded = Object.fromEntries(Object.entries(bodies).map(([key, body]) => [key, new TextEncoder().encode(body)])) as Record<
    keyof Answers,
    Uint8Array
  >;
  const fetchDouble = async (input: RequestInfo | URL) => {
    const bytes = encoded[route(new URL(String(input)).pathname)];
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, (offset += 65_536)));
      },
    });
    return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return createHttpBackend({ baseUrl: BASE, fetch: fetchDouble as typeof fetch, retries: 0 });
}

function serialise(answers: Answers): Bodies {
  return Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, JSON.stringify(value)])) as Bodies;
}

/** Runs `scenario` and returns the durations of the long tasks that started during it. */
async function longTasksDuring(scenario: () => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  // Pages of the same origin share a renderer: only this frame's own tasks count ('self').
  const collect = (entries: PerformanceEntryList) => {
    for (const entry of entries) if (entry.name === 'self') durations.push(entry.duration);
  };
  const observer = new PerformanceObserver((list) => collect(list.getEntries()));
  observer.observe({ type: 'longtask' });
  try {
    await scenario();
    // A long task's entry is queued once that task has ended: after one task turn it is in the buffer.
    await settled();
    collect(observer.takeRecords());
  } finally {
    observer.disconnect();
  }
  return durations;
}

const shadow = (el: Element) => el.shadowRoot!;

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

function timelineSessions(count: number, from: number, to: number): TimelineSession[] {
  return Array.from({ length: count }, (_, i) => {
    const start = from + Math.floor(((to - from) * i) / count);
    return {
      id: `s${i}`,
      externalId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(start + 30 * MINUTE).toISOString(),
      duration: 1_800,
      url: 'https://app.example.com/',
      periods: [],
    };
  });
}

describe('hostile answers (issue 15)', function () {
  this.timeout(20_000);
  const measured: Record<string, number> = {};
  after(() => console.log(`longest task per hostile answer (ms): ${JSON.stringify(measured)}`));

  /**
   * Runs `benign` then `hostile` (each after `prepare`, in a task before its run's: a long task is reported
   * once it ends, so the one that built the inputs would count as the element's), and compares their longest tasks.
   */
  async function expectPairBounded<T>(
    name: string,
    prepare: (isHostile: boolean) => T,
    run: (input: T, isHostile: boolean) => Promise<void>,
  ): Promise<void> {
    const observed = async (isHostile: boolean) => {
      const input = prepare(isHostile);
      await settled();
      return longTasksDuring(() => run(input, isHostile));
    };
    const pairedRun = async () => {
      const baseline = Math.max(0, ...(await observed(false)));
      const tasks = await observed(true);
      return { baseline, tasks, longest: Math.max(0, ...tasks), limit: Math.max(LONG_TASK_LIMIT_MS, 1.5 * baseline) };
    };
    // A second pair only when the first is over: a burst of load from elsewhere rarely hits both, while
    // unbounded work (seconds) fails both.
    let paired = await pairedRun();
    if (paired.longest > paired.limit) paired = await pairedRun();
    const { baseline, tasks, longest, limit } = paired;
    measured[name] = Math.round(longest);
    measured[`${name} (real answers)`] = Math.round(baseline);
    expect(longest, `${name}: long tasks ${tasks.map(Math.round).join(', ')} (real answers: ${Math.round(baseline)})`).to.be.at.most(limit);
  }

  /** `scenario` on a backend serving the real answers, then one serving the hostile ones. */
  async function expectBounded(
    name: string,
    benign: Answers | Bodies,
    hostile: Answers | Bodies,
    scenario: (backend: DozorBackend, isHostile: boolean) => Promise<void>,
  ): Promise<void> {
    const bodies = (answers: Answers | Bodies) =>
      typeof answers.summary === 'string' ? (answers as Bodies) : serialise(answers as Answers);
    await expectPairBounded(name, (isHostile) => servedBackend(bodies(isHostile ? hostile : benign)), scenario);
  }

  async function standaloneBlock(
    tag: 'dozor-activity-chart' | 'dozor-sessions-timeline',
    backend: DozorBackend,
    userId: string,
    isHostile: boolean,
  ) {
    const el = document.createElement(tag) as HTMLElement & { userId?: string; range?: string; backend?: DozorBackend };
    el.backend = backend;
    el.userId = userId;
    el.range = '7d';
    await fixture(html`<div>${el}</div>`);
    const settled = isHostile ? '[part~="retry-button"]' : tag === 'dozor-activity-chart' ? '[part="plot"]' : '[part~="timeline-bar"]';
    await until(() => shadow(el).querySelector(settled) !== null, `${tag} ${isHostile ? 'error state' : 'data'}`);
    if (isHostile) expect(shadow(el).textContent).to.match(/malformed server response/i);
    return el;
  }

  async function profile(backend: DozorBackend, userId: string): Promise<HTMLElement> {
    const host = providerHost(withRole(backend, 'ADMIN'));
    const el = document.createElement('dozor-user-profile');
    el.userId = userId;
    host.append(el);
    await fixture(html`<div>${host}</div>`);
    return el;
  }

  const copy = (answers: Answers): Answers => JSON.parse(JSON.stringify(answers)) as Answers;

  it('an activity answer of 1 ms buckets over 7 days: invalid-response with retry', async () => {
    const { answers, userId } = await realAnswers();
    const hostile = copy(answers);
    Object.assign(hostile.activity as object, {
      bucketMs: 1,
      from: new Date(NOW - 7 * DAY).toISOString(),
      to: new Date(NOW).toISOString(),
    });
    await expectBounded('activity 1 ms buckets', answers, hostile, async (backend, isHostile) => {
      await standaloneBlock('dozor-activity-chart', backend, userId, isHostile);
    });
  });

  it('an activity window of 50 years: invalid-response with retry', async () => {
    const { answers, userId } = await realAnswers();
    const hostile = copy(answers);
    Object.assign(hostile.activity as object, { from: new Date(NOW - 50 * 365 * DAY).toISOString() });
    await expectBounded('activity 50 years', answers, hostile, async (backend, isHostile) => {
      await standaloneBlock('dozor-activity-chart', backend, userId, isHostile);
    });
  });

  it('a timeline of 100,000 sessions: invalid-response with retry over HTTP', async () => {
    const { answers, userId } = await realAnswers();
    const timeline = answers.timeline as UserTimeline;
    // Built as text from one session, so the test itself leaves little garbage to collect during the runs.
    const one = JSON.stringify(timelineSessions(1, Date.parse(timeline.from), Date.parse(timeline.to))[0]);
    const sessions = `[${new Array<string>(100_000).fill(one).join(',')}]`;
    const bodies = {
      ...serialise(answers),
      timeline: JSON.stringify({ ...timeline, sessions: [] }).replace('"sessions":[]', `"sessions":${sessions}`),
    };
    await expectBounded('timeline 100,000 sessions (HTTP)', serialise(answers), bodies, async (backend, isHostile) => {
      await standaloneBlock('dozor-sessions-timeline', backend, userId, isHostile);
    });
  });

  it('a timeline of 100,000 sessions given as data (no validation): the latest 500 bars and a truncated note', async () => {
    const from = NOW - 7 * DAY;
    const timeline = (count: number): UserTimeline => ({
      range: '7d',
      from: new Date(from).toISOString(),
      to: new Date(NOW).toISOString(),
      sessions: timelineSessions(count, from, NOW),
      pages: [],
    });
    let el: DozorSessionsTimeline | undefined;
    await expectPairBounded(
      'timeline 100,000 sessions (data)',
      (isHostile) => timeline(isHostile ? 100_000 : 400),
      async (data, isHostile) => {
        const shown = await fixture<DozorSessionsTimeline>(
          html`<dozor-sessions-timeline range="7d" .data=${data}></dozor-sessions-timeline>`,
        );
        if (isHostile) el = shown;
      },
    );
    const bars = shadow(el!).querySelectorAll('[part~="timeline-bar"]').length;
    expect(bars).to.be.at.most(500).and.above(0);
    expect(shadow(el!).querySelectorAll('[part="lane"]').length).to.be.at.most(20);
    expect(shadow(el!).querySelector('[part="truncated"]')!.textContent).to.contain('100,000');
    await expect(el!).to.be.accessible();
  });

  it('100 users with 5,000 trait keys each (a 12 MB page, over the body cap): the list shows invalid-response with retry', async () => {
    const { answers } = await realAnswers();
    const hostile = copy(answers);
    const page = hostile.users as { data: Record<string, unknown>[] };
    const template = page.data[0]!;
    const traits = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`trait_${i}`, `value ${i}`]));
    page.data = Array.from({ length: 100 }, (_, i) => ({ ...template, id: `u${i}`, externalId: `usr_${i}`, traits }));
    await expectBounded('list 100 users x 5,000 keys', answers, hostile, async (backend, isHostile) => {
      const el = await fixture(html`<dozor-user-list .backend=${backend}></dozor-user-list>`);
      await until(() => shadow(el).querySelector(isHostile ? '[part~="retry-button"]' : '[part="row"]') !== null, 'list settled');
      if (isHostile) expect(shadow(el).textContent).to.match(/malformed server response/i);
    });
  });

  it('rows with 5,000 trait keys or traits 10,000 deep: those rows say their traits were cut, the rest of the page renders', async () => {
    const { answers } = await realAnswers();
    const hostile = copy(answers);
    const page = hostile.users as { data: Record<string, unknown>[] };
    const template = page.data[0]!;
    const wide = (i: number) => ({
      email: `wide${i}@example.test`,
      ...Object.fromEntries(Array.from({ length: 5_000 }, (_, k) => [`trait_${k}`, `v${k}`])),
    });
    // Rows 0, 20, 40 …: 5,000 keys; row 1: 10,000 levels; the others as the server sends them.
    const traitsOf = (i: number) => (i % 20 === 0 ? wide(i) : i === 1 ? { email: 'deep@example.test', deep: 'DEEP' } : template['traits']);
    page.data = Array.from({ length: 100 }, (_, i) => ({
      ...template,
      id: `u${i}`,
      externalId: `usr_${i}`,
      displayName: `User ${i}`,
      traits: traitsOf(i),
    }));
    // Spliced into the body as text: JSON.stringify of 10,000 levels would overflow the test's own stack.
    const bodies = serialise(hostile);
    bodies.users = bodies.users.replace('"DEEP"', `${'{"level":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    let shown: HTMLElement | undefined;
    await expectBounded('list rows with traits beyond the caps', answers, bodies, async (backend, isHostile) => {
      const el = await fixture<HTMLElement>(
        html`<dozor-user-list .backend=${backend} columns="user,status,trait:trait_1"></dozor-user-list>`,
      );
      await until(() => shadow(el).querySelector('[part="row"]') !== null, 'rows');
      if (isHostile) shown = el;
    });
    const rowAt = (i: number) => shadow(shown!).querySelector<HTMLElement>(`[part="row"][aria-rowindex="${i + 2}"]`)!;
    const note = (i: number) => rowAt(i).querySelector('[part="traits-truncated"]');
    expect(shadow(shown!).querySelector('[part~="retry-button"]'), 'no page error').to.equal(null);
    expect(note(0)!.textContent).to.equal('Traits cut');
    expect(note(1), 'the deep row').to.not.equal(null);
    expect(
      [2, 3, 4].map((i) => note(i)),
      'rows within the caps',
    ).to.deep.equal([null, null, null]);
    expect(rowAt(0).textContent).to.include('wide0@example.test');
    expect(rowAt(0).textContent, 'a kept trait as a column').to.include('v1');
    await expect(shown!).to.be.accessible();
  });

  it('1 MB names, ids, emails, projects and trait values: each list cell and title shows at most 200 characters', async () => {
    const { answers } = await realAnswers();
    const hostile = copy(answers);
    const page = hostile.users as { data: Record<string, unknown>[] };
    const huge = (c: string) => c.repeat(1_000_000);
    page.data = [
      {
        ...page.data[0]!,
        displayName: huge('n'),
        externalId: huge('i'),
        projectName: huge('p'),
        traits: { email: huge('e'), plan: huge('v') },
      },
      ...page.data,
    ];
    let shown: HTMLElement | undefined;
    await expectBounded('list 1 MB strings', answers, hostile, async (backend, isHostile) => {
      const el = await fixture<HTMLElement>(
        html`<dozor-user-list .backend=${backend} columns="user,project,trait:plan"></dozor-user-list>`,
      );
      await until(() => shadow(el).querySelector('[part="row"]') !== null, 'rows');
      if (isHostile) shown = el;
    });
    const row = shadow(shown!).querySelector<HTMLElement>('[part="row"][aria-rowindex="2"]')!;
    for (const node of row.querySelectorAll<HTMLElement>('[title]')) expect(node.title.length, node.className).to.be.at.most(201);
    for (const cell of row.querySelectorAll<HTMLElement>('[part="cell"]'))
      expect(cell.textContent!.trim().length).to.be.at.most(3 * 201 + 30);
    expect(row.querySelector('[part="name"]')!.textContent).to.equal(`${'n'.repeat(200)}…`);
    for (const text of [`${'i'.repeat(200)}…`, `${'e'.repeat(200)}…`, `${'p'.repeat(200)}…`, `${'v'.repeat(200)}…`])
      expect(row.textContent).to.include(text);
  });

  it('traits nested 10,000 levels deep: the profile shows invalid-response with retry', async () => {
    const { answers, userId } = await realAnswers();
    const hostile = copy(answers);
    (hostile.detail as { traits: unknown }).traits = nested(10_000);
    await expectBounded('traits 10,000 deep', answers, hostile, async (backend, isHostile) => {
      const el = await profile(backend, userId);
      await until(() => shadow(el).querySelector(isHostile ? '[part~="retry-button"]' : '#display-name') !== null, 'profile settled');
      if (isHostile) expect(shadow(el).textContent).to.match(/levels/);
    });
  });

  it('a session of 5,000 pages: the journey lists the first 100 steps with a truncated note', async () => {
    const start = NOW - HOUR;
    const session: TimelineSession = {
      ...timelineSessions(1, start, NOW)[0]!,
      periods: Array.from({ length: 5_000 }, (_, i) => ({
        url: `https://app.example.com/${'p'.repeat(10_000)}${i}`,
        pathname: `/${'p'.repeat(10_000)}${i}`,
        startedAt: new Date(start + i * 100).toISOString(),
        endedAt: new Date(start + (i + 1) * 100).toISOString(),
        duration: 0,
      })),
    };
    const el = await fixture(html`<dozor-session-journey .session=${session}></dozor-session-journey>`);
    expect(shadow(el).querySelectorAll('[part~="step"]').length).to.equal(100);
    expect(shadow(el).querySelector('[part="truncated"]')!.textContent).to.match(/of 5,00\d steps/);
    for (const path of shadow(el).querySelectorAll<HTMLElement>('.path'))
      expect(path.textContent!.length + path.title.length).to.be.at.most(402);
  });

  it('a 1 MB trait string: header, inspector and titles show at most 200 characters', async () => {
    const { answers, userId } = await realAnswers();
    const hostile = copy(answers);
    const huge = 'x'.repeat(1_000_000);
    const detail = hostile.detail as { traits: Record<string, unknown>; displayName: string };
    detail.traits = { ...detail.traits, email: huge, name: huge };
    detail.displayName = huge;
    await expectBounded('1 MB trait string', answers, hostile, async (backend) => {
      const el = await profile(backend, userId);
      await until(() => shadow(el).querySelector('#display-name') !== null, 'profile header');
      await until(() => shadow(el).querySelector('dozor-traits-inspector')?.shadowRoot?.querySelector('[part="value"]') != null, 'traits');
      const inspector = shadow(el).querySelector('dozor-traits-inspector')!;
      const titled = [shadow(el), shadow(inspector)].flatMap((root) => [...root.querySelectorAll<HTMLElement>('[title]')]);
      for (const node of titled) expect(node.title.length, node.outerHTML.slice(0, 80)).to.be.at.most(201);
      expect(shadow(el).querySelector('#display-name')!.textContent!.length).to.be.at.most(201);
    });
  });
});
