/**
 * React wrappers (`dozor-elements/react`): every element as a React component with typed props and
 * typed event props (`onDozorUserSelect`, …), through `@lit/react`. Importing this module registers
 * the elements. React 18+ is a peer dependency.
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import {
  DozorActivityChart as DozorActivityChartElement,
  DozorDisplayNameEditor as DozorDisplayNameEditorElement,
  DozorKpiStrip as DozorKpiStripElement,
  DozorLastUpdated as DozorLastUpdatedElement,
  DozorPageDistribution as DozorPageDistributionElement,
  DozorProvider as DozorProviderElement,
  DozorRangeSelector as DozorRangeSelectorElement,
  DozorRelativeTime as DozorRelativeTimeElement,
  DozorSessionJourney as DozorSessionJourneyElement,
  DozorSessionsTable as DozorSessionsTableElement,
  DozorSessionsTimeline as DozorSessionsTimelineElement,
  DozorStatusBadge as DozorStatusBadgeElement,
  DozorTraitsInspector as DozorTraitsInspectorElement,
  DozorUserList as DozorUserListElement,
  DozorUserProfile as DozorUserProfileElement,
  DozorUserTags as DozorUserTagsElement,
} from '../index.js';
import type {
  DozorBackDetail,
  DozorDisplayNameChangeDetail,
  DozorDisplayNamePendingDetail,
  DozorErrorDetail,
  DozorKpiSelectDetail,
  DozorPageLimitChangeDetail,
  DozorFiltersChangeDetail,
  DozorRangeChangeDetail,
  DozorSessionSelectDetail,
  DozorUserSelectDetail,
} from '../elements/shared/events.js';

const event = <D>(name: string) => name as EventName<CustomEvent<D>>;
const onError = { onDozorError: event<DozorErrorDetail>('dozor-error') };
const onSessionSelect = { ...onError, onDozorSessionSelect: event<DozorSessionSelectDetail>('dozor-session-select') };

/** The wrapper of one tag: its element's properties as props, and `events` as typed event props. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is @lit/react's own default for a wrapper without event props
const wrap = <I extends HTMLElement, E extends Record<string, EventName> = {}>(
  tagName: string,
  elementClass: new () => I,
  events?: E,
): ReactWebComponent<I, E> => createComponent({ react: React, tagName, elementClass, events });

export const DozorProvider = wrap('dozor-provider', DozorProviderElement);
export const DozorKpiStrip = wrap('dozor-kpi-strip', DozorKpiStripElement, {
  ...onError,
  onDozorKpiSelect: event<DozorKpiSelectDetail>('dozor-kpi-select'),
});
export const DozorUserList = wrap('dozor-user-list', DozorUserListElement, {
  ...onError,
  onDozorUserSelect: event<DozorUserSelectDetail>('dozor-user-select'),
  onDozorFiltersChange: event<DozorFiltersChangeDetail>('dozor-filters-change'),
});
export const DozorUserProfile = wrap('dozor-user-profile', DozorUserProfileElement, {
  ...onError,
  onDozorRangeChange: event<DozorRangeChangeDetail>('dozor-range-change'),
  onDozorDisplayNameChange: event<DozorDisplayNameChangeDetail>('dozor-display-name-change'),
  onDozorBack: event<DozorBackDetail>('dozor-back'),
  onDozorUserSelect: event<DozorUserSelectDetail>('dozor-user-select'),
});
export const DozorRangeSelector = wrap('dozor-range-selector', DozorRangeSelectorElement, {
  onDozorRangeChange: event<DozorRangeChangeDetail>('dozor-range-change'),
});
export const DozorDisplayNameEditor = wrap('dozor-display-name-editor', DozorDisplayNameEditorElement, {
  ...onError,
  onDozorDisplayNamePending: event<DozorDisplayNamePendingDetail>('dozor-display-name-pending'),
  onDozorDisplayNameChange: event<DozorDisplayNameChangeDetail>('dozor-display-name-change'),
});
export const DozorTraitsInspector = wrap('dozor-traits-inspector', DozorTraitsInspectorElement);
export const DozorStatusBadge = wrap('dozor-status-badge', DozorStatusBadgeElement);
export const DozorRelativeTime = wrap('dozor-relative-time', DozorRelativeTimeElement);
export const DozorUserTags = wrap('dozor-user-tags', DozorUserTagsElement);
export const DozorLastUpdated = wrap('dozor-last-updated', DozorLastUpdatedElement, {
  onDozorRefreshRequest: event<Record<string, never>>('dozor-refresh-request'),
});
export const DozorActivityChart = wrap('dozor-activity-chart', DozorActivityChartElement, onError);
export const DozorPageDistribution = wrap('dozor-page-distribution', DozorPageDistributionElement, {
  ...onError,
  onDozorPageLimitChange: event<DozorPageLimitChangeDetail>('dozor-page-limit-change'),
});
export const DozorSessionsTimeline = wrap('dozor-sessions-timeline', DozorSessionsTimelineElement, onSessionSelect);
export const DozorSessionsTable = wrap('dozor-sessions-table', DozorSessionsTableElement, onSessionSelect);
export const DozorSessionJourney = wrap('dozor-session-journey', DozorSessionJourneyElement, onSessionSelect);
