// The `npm start` demo: the elements on a generated memory dataset with live traffic, as a host admin
// page would embed them. Hash routes: `#/` the list, `#/users/<id>` a user's profile.
// `?backend=http` runs them over the HTTP adapter, with MSW's service worker serving Dozor's REST API
// from the memory backend (every request shows in the network panel); `?backend=ductape` over the
// Ductape adapter with a fake Ductape client. The package root registers every element (the provider first).
import {
  createDuctapeBackend,
  createHttpBackend,
  createMemoryBackend,
  registerTranslations,
  simulateTraffic,
  type DozorBackend,
} from '../src/index.js';
import de from '../src/locales/de.js';
import es from '../src/locales/es.js';
import fr from '../src/locales/fr.js';
import ja from '../src/locales/ja.js';
import uk from '../src/locales/uk.js';

// The shipped translations; `?locale=de` (or the Language menu) picks one, English is built in.
registerTranslations(de, fr, es, uk, ja);

const memory = createMemoryBackend({
  projects: [
    { id: 'prj_app', name: 'Web app', defaultDisplayNameTraitKey: 'name' },
    { id: 'prj_site', name: 'Marketing site', defaultDisplayNameTraitKey: 'name' },
    { id: 'prj_mobile', name: 'Mobile web', defaultDisplayNameTraitKey: 'email' },
  ],
  generate: { seed: 'demo', users: 8000, days: 60 },
});
simulateTraffic(memory, { ratePerSecond: 3, seed: 'demo-live' });

const BACKEND_DESCRIPTIONS = {
  memory: 'in-memory backend with live traffic',
  http: 'HTTP adapter, Dozor REST API served by MSW from the memory backend',
  ductape: 'Ductape adapter, fake client',
};
type BackendChoice = keyof typeof BACKEND_DESCRIPTIONS;
const requested = new URLSearchParams(location.search).get('backend') ?? 'memory';
const choice: BackendChoice = requested in BACKEND_DESCRIPTIONS ? (requested as BackendChoice) : 'memory';
document.querySelector('#backend-description')!.textContent = `Tracked users (dozor-elements demo, ${BACKEND_DESCRIPTIONS[choice]})`;

async function chooseBackend(): Promise<DozorBackend> {
  if (choice === 'http') {
    const [{ setupWorker }, { createDozorHandlers }] = await Promise.all([import('msw/browser'), import('../src/backend/msw/index.js')]);
    const worker = setupWorker(...createDozorHandlers(memory, { baseUrl: '', latencyMs: 'real' }));
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    // MSW serves the memory backend, which has none of the recorded server's bugs to declare.
    return createHttpBackend({ baseUrl: '', limitations: {} });
  }
  if (choice === 'ductape') {
    const { createFakeDuctapeClient, sampleDuctapeUsers } = await import('../test/backend/ductape-fake.js');
    const client = createFakeDuctapeClient({ product: 'acme', session: 'admin-session', users: sampleDuctapeUsers() });
    return createDuctapeBackend({ client, product: 'acme', session: 'admin-session', productName: 'Acme shop' });
  }
  return memory;
}

const provider = document.querySelector('dozor-provider')!;
provider.backend = await chooseBackend();
document.querySelector<HTMLSelectElement>('#backend-choice')!.value = choice;
document.querySelector<HTMLSelectElement>('#backend-choice')!.addEventListener('change', (event) => {
  const url = new URL(location.href);
  url.searchParams.set('backend', (event.target as HTMLSelectElement).value);
  url.hash = '';
  location.assign(url);
});

const localeChoice = document.querySelector<HTMLSelectElement>('#locale-choice')!;
function applyLocale(locale: string): void {
  provider.locale = locale;
  document.documentElement.lang = locale;
  localeChoice.value = locale;
}
const requestedLocale = new URLSearchParams(location.search).get('locale');
applyLocale([...localeChoice.options].some((option) => option.value === requestedLocale) ? requestedLocale! : 'en');
localeChoice.addEventListener('change', () => {
  applyLocale(localeChoice.value);
  const url = new URL(location.href);
  url.searchParams.set('locale', localeChoice.value);
  history.replaceState(history.state, '', url);
});

const listView = document.querySelector<HTMLElement>('#list-view')!;
const profileView = document.querySelector<HTMLElement>('#profile-view')!;
const sessionView = document.querySelector<HTMLElement>('#session-view')!;
const profile = document.querySelector('dozor-user-profile')!;

function route(): void {
  const userMatch = /^#\/users\/(.+)$/.exec(location.hash);
  const sessionMatch = /^#\/sessions\/(.+)$/.exec(location.hash);
  const userId = userMatch ? decodeURIComponent(userMatch[1]!) : null;
  const sessionId = sessionMatch ? decodeURIComponent(sessionMatch[1]!) : null;
  // The list and the profile stay in the page while hidden, so going back finds them as they were.
  const profileWasShown = !profileView.hidden;
  listView.hidden = userId !== null || sessionId !== null;
  profileView.hidden = userId === null;
  sessionView.hidden = sessionId === null;
  if (userId !== null) {
    profile.userId = userId;
    // Previous / next keeps the focus where it is; coming from the list, it starts at "Back to users".
    if (!profileWasShown) profileView.querySelector('a')?.focus();
  }
  if (sessionId !== null) {
    sessionView.querySelector('#session-id')!.textContent = sessionId;
    sessionView.querySelector<HTMLButtonElement>('#session-back')!.focus();
  }
}
window.addEventListener('hashchange', route);
route();
profile.addEventListener('dozor-back', () => (location.hash = '#/'));
// Previous / next user (in the order of the list above, shared through the provider) goes through the route too.
profile.addEventListener('dozor-user-select', (event) => {
  event.preventDefault();
  location.hash = `#/users/${encodeURIComponent(event.detail.userId)}`;
});
sessionView.querySelector('#session-back')!.addEventListener('click', () => history.back());

const toggle = document.querySelector<HTMLButtonElement>('#theme-toggle')!;
toggle.addEventListener('click', () => {
  const dark = toggle.getAttribute('aria-pressed') !== 'true';
  toggle.setAttribute('aria-pressed', String(dark));
  document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  provider.theme = dark ? 'dark' : 'light';
});
