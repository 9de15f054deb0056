// The `npm start` demo: the elements on a generated memory dataset with live traffic, as a host admin
// page would embed them. Hash routes: `#/` the list, `#/users/<id>` a user's profile.
// The package root registers every element (the provider first).
import { createMemoryBackend, simulateTraffic } from '../src/index.js';

const backend = createMemoryBackend({
  projects: [
    { id: 'prj_app', name: 'Web app', defaultDisplayNameTraitKey: 'name' },
    { id: 'prj_site', name: 'Marketing site', defaultDisplayNameTraitKey: 'name' },
    { id: 'prj_mobile', name: 'Mobile web', defaultDisplayNameTraitKey: 'email' },
  ],
  generate: { seed: 'demo', users: 8000, days: 60 },
});
simulateTraffic(backend, { ratePerSecond: 3, seed: 'demo-live' });

const provider = document.querySelector('dozor-provider')!;
provider.backend = backend;

const listView = document.querySelector<HTMLElement>('#list-view')!;
const profileView = document.querySelector<HTMLElement>('#profile-view')!;
const profile = document.querySelector('dozor-user-profile')!;

function route(): void {
  const match = /^#\/users\/(.+)$/.exec(location.hash);
  const userId = match ? decodeURIComponent(match[1]!) : null;
  // The list stays in the page while a profile is open, so going back finds it as it was.
  listView.hidden = userId !== null;
  profileView.hidden = userId === null;
  if (userId !== null) {
    profile.userId = userId;
    profileView.querySelector('a')?.focus();
  }
}
window.addEventListener('hashchange', route);
route();
profile.addEventListener('dozor-back', () => (location.hash = '#/'));

const toggle = document.querySelector<HTMLButtonElement>('#theme-toggle')!;
toggle.addEventListener('click', () => {
  const dark = toggle.getAttribute('aria-pressed') !== 'true';
  toggle.setAttribute('aria-pressed', String(dark));
  document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  provider.theme = dark ? 'dark' : 'light';
});
