/** A tracked user's resolved display name and the text search matches (memory backend). */
import { pickTraitValue, resolveDisplayName } from '../../core/index.js';
import type { ProjectRecord, UserRecord } from './records.js';

export function displayNameOf(projects: ReadonlyMap<string, ProjectRecord>, user: UserRecord): string {
  return resolveDisplayName({
    externalId: user.externalId,
    traits: user.traits,
    customName: user.customName,
    displayNameTraitKey: user.displayNameTraitKey,
    projectDefaultTraitKey: projects.get(user.projectId)?.defaultDisplayNameTraitKey ?? null,
  });
}

/**
 * What search matches (externalId, custom name, resolved display name, email), lower-cased; cached on
 * the user until the store clears it (the user or its project's trait key changed).
 */
export function searchTextOf(projects: ReadonlyMap<string, ProjectRecord>, user: UserRecord): string {
  if (user.searchText === null) {
    const email = pickTraitValue(user.traits, 'email');
    user.searchText = [user.externalId, user.customName ?? '', displayNameOf(projects, user), email ?? ''].join('\u0000').toLowerCase();
  }
  return user.searchText;
}
