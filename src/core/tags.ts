import { pickTraitValue } from './display-name.js';
import { localeNumbers, type LocaleNumbers } from './plural.js';
import { DAY_MS, toMsOrNull, type Timestamp } from './time.js';

export type UserTagId = 'new' | 'returning' | 'longtime' | 'work-info' | 'contact-info' | 'buyer' | 'custom-attributes';

export const USER_TAG_IDS: readonly UserTagId[] = Object.freeze([
  'new',
  'returning',
  'longtime',
  'work-info',
  'contact-info',
  'buyer',
  'custom-attributes',
]);

/** What a tag's rule found, so that an element can word the reason in its own language. */
export type TagEvidence =
  | { kind: 'sessions'; count: number }
  | { kind: 'tracked-for'; days: number }
  | { kind: 'traits'; keys: readonly string[] }
  | { kind: 'orders'; count: number };

export interface UserTag {
  id: UserTagId;
  label: string;
  /** Why the tag applies, with the concrete value (English unless `computeTags` was given strings). */
  reason: string;
  evidence?: TagEvidence;
}

/** What a tag rule may look at; a field left undefined means "unknown", so its tags are absent. */
export interface TagInput {
  sessionCount?: number | undefined;
  firstSeenAt?: Timestamp | null | undefined;
  traits?: Record<string, unknown> | null | undefined;
  orderCount?: number | undefined;
  identified?: boolean | undefined;
  now?: number | Date | undefined;
}

/** The tags' English labels and reasons; their type is `TagStrings`. */
export const DEFAULT_TAG_STRINGS = {
  labels: {
    new: 'New user',
    returning: 'Returning user',
    longtime: 'Longtime user',
    'work-info': 'Work info',
    'contact-info': 'Contact info',
    buyer: 'Buyer',
    'custom-attributes': 'Custom attributes',
  } satisfies Record<UserTagId, string>,
  reasons: {
    sessions: (count: number, n: LocaleNumbers) => n.plural(count, { one: '# session recorded', other: '# sessions recorded' }),
    trackedFor: (days: number, n: LocaleNumbers) => n.plural(days, { one: 'Tracked for # day', other: 'Tracked for # days' }),
    traitSet: (keys: readonly string[]) => (keys.length === 1 ? `Trait ${keys[0]} is set` : `Traits ${keys.join(', ')} are set`),
    orders: (count: number, n: LocaleNumbers) => n.plural(count, { one: '# order tracked', other: '# orders tracked' }),
  },
};

/** The tags' strings (every key of `DEFAULT_TAG_STRINGS`). */
export type TagStrings = typeof DEFAULT_TAG_STRINGS;
/** The reasons' strings, one for each kind of evidence. */
export type TagReasonStrings = TagStrings['reasons'];

/** The reason a tag applies, in the words of `strings`. */
export function tagReason(evidence: TagEvidence, strings: TagReasonStrings, n: LocaleNumbers): string {
  switch (evidence.kind) {
    case 'sessions':
      return strings.sessions(evidence.count, n);
    case 'tracked-for':
      return strings.trackedFor(evidence.days, n);
    case 'traits':
      return strings.traitSet(evidence.keys);
    case 'orders':
      return strings.orders(evidence.count, n);
  }
}

export const LONGTIME_USER_DAYS = 60;

/** Trait keys are compared case-insensitively and without `_`, `-` or spaces (`job_title` = `jobTitle`). */
export function normalizeTraitKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '');
}

export const WORK_TRAIT_KEYS: readonly string[] = Object.freeze([
  'company',
  'companyname',
  'organization',
  'organisation',
  'employer',
  'jobtitle',
  'title',
  'department',
  'industry',
  'workemail',
]);

export const CONTACT_TRAIT_KEYS: readonly string[] = Object.freeze(['email', 'phone', 'phonenumber', 'mobile', 'telephone']);

/** Keys that describe the person in a standard way; anything else is a custom attribute. */
export const STANDARD_TRAIT_KEYS: readonly string[] = Object.freeze([
  ...WORK_TRAIT_KEYS,
  ...CONTACT_TRAIT_KEYS,
  'id',
  'userid',
  'name',
  'firstname',
  'lastname',
  'displayname',
  'username',
  'avatar',
  'plan',
  'role',
  'country',
  'city',
  'address',
  'language',
  'locale',
  'timezone',
  'gender',
  'birthday',
  'createdat',
]);

function presentKeys(traits: Record<string, unknown>, accepted: readonly string[]): string[] {
  return Object.keys(traits).filter((key) => accepted.includes(normalizeTraitKey(key)) && pickTraitValue(traits, key) !== null);
}

/**
 * The tags of seed 001, in `USER_TAG_IDS` order. Work and contact info need an identified user;
 * a tag whose input is unknown is never guessed.
 */
export function computeTags(
  user: TagInput,
  options: { strings?: Partial<TagStrings>; longtimeDays?: number; locale?: string } = {},
): UserTag[] {
  const strings = { ...DEFAULT_TAG_STRINGS, ...options.strings };
  const numbers = localeNumbers(options.locale);
  const now = user.now === undefined ? Date.now() : typeof user.now === 'number' ? user.now : user.now.getTime();
  const tags: UserTag[] = [];
  const add = (id: UserTagId, evidence: TagEvidence) =>
    tags.push({ id, label: strings.labels[id], reason: tagReason(evidence, strings.reasons, numbers), evidence });

  if (user.sessionCount !== undefined) {
    if (user.sessionCount === 1) add('new', { kind: 'sessions', count: 1 });
    else if (user.sessionCount > 1) add('returning', { kind: 'sessions', count: user.sessionCount });
  }
  const firstSeen = toMsOrNull(user.firstSeenAt);
  const longtimeMs = (options.longtimeDays ?? LONGTIME_USER_DAYS) * DAY_MS;
  if (firstSeen !== null && now - firstSeen > longtimeMs) {
    add('longtime', { kind: 'tracked-for', days: Math.floor((now - firstSeen) / DAY_MS) });
  }
  const traits = user.traits;
  if (traits) {
    const mayHavePersonalInfo = user.identified !== false;
    const work = presentKeys(traits, WORK_TRAIT_KEYS);
    if (mayHavePersonalInfo && work.length > 0) add('work-info', { kind: 'traits', keys: work });
    const contact = presentKeys(traits, CONTACT_TRAIT_KEYS);
    if (mayHavePersonalInfo && contact.length > 0) add('contact-info', { kind: 'traits', keys: contact });
  }
  if (user.orderCount !== undefined && user.orderCount >= 1) add('buyer', { kind: 'orders', count: user.orderCount });
  if (traits) {
    const custom = Object.keys(traits).filter((key) => !STANDARD_TRAIT_KEYS.includes(normalizeTraitKey(key)));
    if (custom.length > 0) add('custom-attributes', { kind: 'traits', keys: custom });
  }
  return tags;
}

/** The fields of a tracked user's list item or detail (Dozor's REST shape) that the tags read. */
export interface TaggableUser {
  sessionCount: number;
  /** When the user was first seen (Dozor: the tracked user's `createdAt`, its first ingest). */
  createdAt: Timestamp;
  traits: Record<string, unknown> | null;
  /** Orders tracked; absent where a backend records none (Dozor's REST API), so Buyer is never guessed. */
  orderCount?: number | undefined;
  /** Absent where a backend has identified users only (Dozor's REST API). */
  identity?: 'identified' | 'anonymous' | undefined;
}

/** The tags of seed 001 from what a list item or detail carries; every backend with these fields uses it. */
export function tagsOfUser(user: TaggableUser, now: number | Date, options: Parameters<typeof computeTags>[1] = {}): UserTag[] {
  return computeTags(
    {
      sessionCount: user.sessionCount,
      firstSeenAt: user.createdAt,
      traits: user.traits,
      orderCount: user.orderCount,
      identified: user.identity === undefined ? undefined : user.identity === 'identified',
      now,
    },
    options,
  );
}

/** The tags `tagsOfUser` yields from Dozor's REST fields alone (no order tracking): all but Buyer. */
export const REST_USER_TAG_IDS: readonly UserTagId[] = Object.freeze(USER_TAG_IDS.filter((id) => id !== 'buyer'));
