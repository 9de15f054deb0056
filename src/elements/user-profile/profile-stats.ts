import { html, type TemplateResult } from 'lit';
import { type ActivityRange, formatCount, formatDuration, localeNumbers, type LocaleNumbers } from '../../core/index.js';
import type { UserActivity } from '../../backend/index.js';
import type { TaskState } from '../shared/backend-task.js';
import { renderErrorState } from '../shared/error-view.js';
import type { CommonStrings } from '../shared/strings.js';

/** The stat cards' English strings (spread into `USER_PROFILE_STRINGS`); their type is `ProfileStatsStrings`. */
export const PROFILE_STATS_STRINGS = {
  statsLabel: 'Statistics',
  statSessions: 'Sessions',
  statActiveTime: 'Active time',
  statAvgSession: 'Avg session',
  statEvents: 'Events',
  statUniquePages: 'Unique pages',
  statTopPage: 'Top page',
  /** The range as a stat sub-line ("last 24 hours"). */
  statRangeLabels: { '6h': 'last 6 hours', '24h': 'last 24 hours', '7d': 'last 7 days' } satisfies Record<ActivityRange, string>,
  statAcross: (count: number, n: LocaleNumbers) => n.plural(count, { one: 'across # session', other: 'across # sessions' }),
  statNoSessions: 'no sessions',
  statMostTimeSpent: 'most time spent',
};

/** The stat cards' strings (every key of their English table). */
export type ProfileStatsStrings = typeof PROFILE_STATS_STRINGS;

/** The six stat cards of the range (sessions, active time, average session, events, unique pages, top page). */
export function renderProfileStats(
  activity: TaskState<UserActivity>,
  range: ActivityRange,
  locale: string,
  s: ProfileStatsStrings & CommonStrings,
): TemplateResult {
  const summary = activity.value?.summary;
  const rangeLabel = s.statRangeLabels[range];
  const error = activity.error;
  if (!summary && error) {
    return html`<section class="card" part="card" aria-label=${s.statsLabel}>${renderErrorState(error, s, localeNumbers(locale), () => void activity.run())}</section>`;
  }
  const stat = (label: string, value: string | undefined, sub: string | undefined, mono = false) =>
    html`<li class="card stat" part="card stat">
      <span class="stat-label">${label}</span>
      ${value === undefined ? html`<span class="skeleton value"></span>` : html`<span class="stat-value ${mono ? 'mono' : ''}" title=${value}>${value}</span>`}
      <span class="stat-sub">${sub ?? ''}</span>
    </li>`;
  const none = s.emptyValue;
  const has = summary !== undefined && summary.sessionCount > 0;
  return html`<ul class="stats" aria-label=${s.statsLabel} aria-busy=${summary ? 'false' : 'true'}>
    ${stat(s.statSessions, summary && formatCount(summary.sessionCount, locale), rangeLabel)}
    ${stat(s.statActiveTime, summary && (has ? formatDuration(summary.totalActiveTime, locale) : none), rangeLabel)}
    ${stat(
      s.statAvgSession,
      summary && (has ? formatDuration(summary.avgSessionDuration, locale) : none),
      summary && (has ? s.statAcross(summary.sessionCount, localeNumbers(locale)) : s.statNoSessions),
    )}
    ${stat(s.statEvents, summary && formatCount(summary.totalEvents, locale), rangeLabel)}
    ${stat(s.statUniquePages, summary && formatCount(summary.uniquePages, locale), rangeLabel)}
    ${stat(s.statTopPage, summary && (summary.topPage ?? none), summary && (summary.topPage ? s.statMostTimeSpent : rangeLabel), summary?.topPage != null)}
  </ul>`;
}
