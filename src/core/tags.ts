import { pickTraitValue } from './display-name.js';
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

export interface UserTag {
  id: UserTagId;
  label: string;
  /** Why the tag applies, with the concrete value. */
  reason: string;
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

export interface TagStrings {
  labels: Record<UserTagId, string>;
  sessions: (count: number) => string;
  firstSeenDaysAgo: (days: number) => string;
  traitSet: (keys: string[]) => string;
  orders: (count: number) => string;
}

export const DEFAULT_TAG_STRINGS: TagStrings = {
  labels: {
    new: 'New user',
    returning: 'Returning user',
    longtime: 'Longtime user',
    'work-info': 'Work info',
    'contact-info': 'Contact info',
    buyer: 'Buyer',
    'custom-attributes': 'Custom attributes',
  },
  sessions: (count) => (count === 1 ? '1 session recorded' : `${count} sessions recorded`),
  firstSeenDaysAgo: (days) => `First seen ${days} days ago`,
  traitSet: (keys) => (keys.length === 1 ? `Trait ${keys[0]} is set` : `Traits ${keys.join(', ')} are set`),
  orders: (count) => (count === 1 ? '1 order tracked' : `${count} orders tracked`),
};

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
export function computeTags(user: TagInput, options: { strings?: Partial<TagStrings>; longtimeDays?: number } = {}): UserTag[] {
  const strings = { ...DEFAULT_TAG_STRINGS, ...options.strings };
  const now = user.now === undefined ? Date.now() : typeof user.now === 'number' ? user.now : user.now.getTime();
  const tags: UserTag[] = [];
  const add = (id: UserTagId, reason: string) => tags.push({ id, label: strings.labels[id], reason });

  if (user.sessionCount !== undefined) {
    if (user.sessionCount === 1) add('new', strings.sessions(1));
    else if (user.sessionCount > 1) add('returning', strings.sessions(user.sessionCount));
  }
  const firstSeen = toMsOrNull(user.firstSeenAt);
  const longtimeMs = (options.longtimeDays ?? LONGTIME_USER_DAYS) * DAY_MS;
  if (firstSeen !== null && now - firstSeen > longtimeMs) {
    add('longtime', strings.firstSeenDaysAgo(Math.floor((now - firstSeen) / DAY_MS)));
  }
  const traits = user.traits;
  if (traits) {
    const mayHavePersonalInfo = user.identified !== false;
    const work = presentKeys(traits, WORK_TRAIT_KEYS);
    if (mayHavePersonalInfo && work.length > 0) add('work-info', strings.traitSet(work));
    const contact = presentKeys(traits, CONTACT_TRAIT_KEYS);
    if (mayHavePersonalInfo && contact.length > 0) add('contact-info', strings.traitSet(contact));
  }
  if (user.orderCount !== undefined && user.orderCount >= 1) add('buyer', strings.orders(user.orderCount));
  if (traits) {
    const custom = Object.keys(traits).filter((key) => !STANDARD_TRAIT_KEYS.includes(normalizeTraitKey(key)));
    if (custom.length > 0) add('custom-attributes', strings.traitSet(custom));
  }
  return tags;
}
