/**
 * A seeded, deterministic dataset for the demo, Storybook, tests and the benchmark: realistic
 * (fictional) people, anonymous visitors, every activity status, buyers, long-time users and SaaS
 * pathnames with url markers. Same seed and clock → same data. Inserts through the store's bulk API.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, seededRandom } from '../../core/index.js';
import { validationError } from '../errors.js';
import { SIMULATED_CLIENTS, type SimulatedClient } from './clients.js';
import type { MemoryBackend } from './contract.js';

export interface GenerateOptions {
  /** Same seed (and clock) → same data. */
  seed: number | string;
  /** How many projects to spread users over (created when the backend has fewer). Default 1. */
  projects?: number;
  users: number;
  /** How far back activity goes, at most 89 days (older sessions would be deleted by retention). Default 60. */
  days?: number;
  /** Mean sessions per user (each user has at least one). Default 10. */
  sessionsPerUser?: number;
  /** The generation instant; defaults to the backend's clock. */
  now?: number;
}

export interface GeneratedDataset {
  projectIds: string[];
  users: number;
  sessions: number;
}

const FIRST_NAMES = [
  'Alice',
  'Bruno',
  'Chen',
  'Dara',
  'Elif',
  'Farah',
  'Gustavo',
  'Hana',
  'Ivan',
  'Jamal',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Olga',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Valentina',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Amara',
  'Björn',
  'Chiara',
  'Dmytro',
  'Emeka',
  'Fatima',
  'Giulia',
  'Hiro',
  'Ines',
  'Jonas',
  'Keiko',
  'Luca',
  'Maya',
  'Noah',
];
const LAST_NAMES = [
  'Andersen',
  'Bauer',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Johnson',
  'Kim',
  'Lopez',
  'Müller',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Singh',
  'Tanaka',
  'Usman',
  'Vargas',
  'Wójcik',
  'Xu',
  'Yilmaz',
  'Zhang',
  'Kowalczyk',
  'Moreau',
  'Shevchenko',
  'Silva',
];
const COMPANIES = [
  ['Northwind Labs', 'northwind.test'],
  ['Acme Robotics', 'acme-robotics.test'],
  ['Bluefin Analytics', 'bluefin.test'],
  ['Cedar & Co', 'cedarco.test'],
  ['Helio Systems', 'helio.test'],
  ['Lumen Health', 'lumenhealth.test'],
  ['Orbit Freight', 'orbitfreight.test'],
  ['Quill Media', 'quillmedia.test'],
] as const;
const PERSONAL_DOMAINS = ['mail.test', 'inbox.test', 'post.test'];
const TITLES = ['Product Manager', 'Software Engineer', 'Head of Growth', 'Support Lead', 'CTO', 'Data Analyst', 'Designer', 'Founder'];
const PLANS = ['free', 'free', 'free', 'pro', 'pro', 'team', 'enterprise'];
const COUNTRIES = ['US', 'DE', 'BR', 'IN', 'JP', 'NG', 'UA', 'FR', 'GB', 'PL', 'ES', 'KE'];
const PAGES = [
  '/',
  '/pricing',
  '/dashboard',
  '/dashboard',
  '/dashboard',
  '/settings/billing',
  '/settings/team',
  '/projects/alpha',
  '/projects/beta',
  '/reports/weekly',
  '/docs/getting-started',
  '/docs/api',
  '/blog/launch-week',
  '/checkout',
  '/checkout/payment',
  '/integrations',
  '/onboarding',
];
const PAGE_URLS = COMPANIES.map(([, domain]) => PAGES.map((pathname) => `https://app.${domain}${pathname}`));
const PROJECT_NAMES = ['Production', 'Staging', 'Marketing site', 'Mobile web', 'Docs'];

export function generateDataset(backend: MemoryBackend, options: GenerateOptions): GeneratedDataset {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = options.now ?? backend.now();
  const days = options.days ?? 60;
  const users = options.users;
  if (!Number.isInteger(users) || users < 0) throw validationError('users', 'must be a non-negative integer');
  if (!Number.isFinite(days) || days < 1 || days > 89) throw validationError('days', 'must be between 1 and 89');
  const store = backend.store;
  const projects = [...store.projects.values()];
  for (let i = projects.length; i < (options.projects ?? 1); i++) {
    projects.push(
      store.addProject({
        name: PROJECT_NAMES[i % PROJECT_NAMES.length]!,
        defaultDisplayNameTraitKey: 'name',
        createdAt: now - 200 * DAY_MS,
      }),
    );
  }
  const weights = projects.map((_, i) => 1 / (i + 1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const pickProject = () => {
    let r = random() * weightSum;
    for (let i = 0; i < projects.length; i++) if ((r -= weights[i]!) <= 0) return projects[i]!;
    return projects[0]!;
  };
  const meanSessions = Math.max(1, options.sessionsPerUser ?? 10);
  let sessions = 0;
  store.bulk(() => {
    for (let n = 0; n < users; n++) {
      const project = pickProject();
      const anonymous = random() < 0.15;
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const companyIndex = Math.floor(random() * COMPANIES.length);
      const [company, domain] = COMPANIES[companyIndex]!;
      const work = random() < 0.6;
      const traits =
        anonymous || random() < 0.05
          ? null
          : personTraits(random, pick, { n, first, last, company: work ? company : null, domain: work ? domain : pick(PERSONAL_DOMAINS) });
      // Recency decides the status mix: a few online now, many within a day or a week, the rest dormant.
      const r = random();
      const recency =
        r < 0.03
          ? random() * 90_000
          : r < 0.25
            ? 2 * MINUTE_MS + random() * DAY_MS
            : r < 0.55
              ? DAY_MS + random() * 6 * DAY_MS
              : 7 * DAY_MS + random() * Math.max(0, days - 7) * DAY_MS;
      const lastSeenAgo = Math.min(recency, days * DAY_MS - HOUR_MS);
      // Exponential session counts (floor(Exp(m - 0.5)) has mean ≈ m - 1), so the dataset's mean is `meanSessions`.
      const sessionCount = 1 + Math.floor(-Math.log(1 - random()) * Math.max(0.01, meanSessions - 0.5));
      const firstSeenAgo = Math.min(days * DAY_MS, lastSeenAgo + Math.min(sessionCount, 30) * (0.2 + random()) * DAY_MS);
      const longtime = random() < 0.1;
      const createdAt = now - firstSeenAgo - HOUR_MS - (longtime ? (60 + random() * 120) * DAY_MS : 0);
      const userId = store.insertUser({
        projectId: project.id,
        identity: anonymous ? 'anonymous' : 'identified',
        // An odd multiplier permutes 32-bit integers, so anonymous ids are unique and look random.
        externalId: anonymous ? `anon_${(Math.imul(n, 2654435761) >>> 0).toString(36)}` : `usr_${n.toString(36).padStart(5, '0')}`,
        traits,
        // A few renamed people (custom name) and a few shown by email (a per-user trait key).
        ...(traits && random() < 0.04 ? { customName: `${first} from ${company}` } : {}),
        ...(traits && random() < 0.03 ? { displayNameTraitKey: 'email' } : {}),
        createdAt: Math.floor(createdAt),
      });
      const isBuyer = !anonymous && random() < 0.12;
      for (let s = 0; s < sessionCount; s++) {
        const endedAt = Math.floor(now - (s === 0 ? lastSeenAgo : lastSeenAgo + random() * (firstSeenAgo - lastSeenAgo)));
        const length = Math.floor(20_000 + random() ** 2 * 45 * MINUTE_MS);
        const startedAt = endedAt - length;
        const throwaway = random() < 0.03;
        insertGeneratedSession(store, random, {
          projectId: project.id,
          userId,
          urls: PAGE_URLS[companyIndex]!,
          startedAt,
          endedAt: throwaway ? startedAt + 500 : endedAt,
          throwaway,
          orderCount: isBuyer && s === 0 ? 1 + Math.floor(random() * 3) : 0,
          // Chosen by index, not by `random()`, so the rest of the dataset stays as it was for a seed;
          // a person mostly keeps a device and sometimes switches.
          client: SIMULATED_CLIENTS[(n + Math.floor(s / 4)) % SIMULATED_CLIENTS.length]!,
        });
        sessions++;
      }
    }
  });
  return { projectIds: projects.map((p) => p.id), users, sessions };
}

function personTraits(
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
  person: { n: number; first: string; last: string; company: string | null; domain: string },
): Record<string, unknown> {
  const { n, first, last, company, domain } = person;
  const local = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    email: `${local}${n}@${domain}`,
    name: `${first} ${last}`,
    plan: pick(PLANS),
    country: pick(COUNTRIES),
    ...(company ? { company, jobTitle: pick(TITLES) } : {}),
    ...(random() < 0.3 ? { phone: `+1 555 01${String(n % 100).padStart(2, '0')}` } : {}),
    ...(random() < 0.2 ? { signupSource: pick(['ads', 'referral', 'organic']), betaFeatures: random() < 0.5 } : {}),
  };
}

interface GeneratedSession {
  projectId: string;
  userId: string;
  /** The company's app URL for each of PAGES (shared strings: millions of markers reuse them). */
  urls: readonly string[];
  startedAt: number;
  endedAt: number;
  throwaway: boolean;
  orderCount: number;
  client: SimulatedClient;
}

/** One session with url markers (a page every few minutes) and event batches every five minutes. */
function insertGeneratedSession(store: MemoryBackend['store'], random: () => number, session: GeneratedSession): void {
  const { startedAt, endedAt } = session;
  const length = endedAt - startedAt;
  const pages = 1 + Math.floor(random() * 5);
  const urlMarkers = [];
  for (let p = 0; p < pages; p++) {
    const page = p === 0 && random() < 0.4 ? 0 : Math.floor(random() * PAGES.length);
    urlMarkers.push({ timestamp: startedAt + Math.floor((length * p) / pages), url: session.urls[page]!, pathname: PAGES[page]! });
  }
  const batchCount = 1 + Math.floor(length / (5 * MINUTE_MS));
  // Flat triples (first, last, count), the store's own layout: no object per batch.
  const batches: number[] = [];
  let events = 0;
  for (let b = 0; b < batchCount; b++) {
    const eventCount = session.throwaway ? 2 : 10 + Math.floor(random() * 120);
    events += eventCount;
    batches.push(startedAt + Math.floor((length * b) / batchCount), startedAt + Math.floor((length * (b + 1)) / batchCount), eventCount);
  }
  store.insertSession({
    projectId: session.projectId,
    userId: session.userId,
    url: urlMarkers[0]!.url,
    ...session.client,
    startedAt,
    endedAt,
    eventCount: events,
    createdAt: endedAt,
    urlMarkers,
    batches,
    orderCount: session.orderCount,
  });
}
