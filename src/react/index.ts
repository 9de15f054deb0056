/**
 * React wrappers (`dozor-elements/react`): every element as a React component with typed props and
 * typed event props (`onDozorUserSelect`, …), through `@lit/react`. Importing this module registers
 * the elements. React 18+ is a peer dependency.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
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

export const DozorProvider = createComponent({ react: React, tagName: 'dozor-provider', elementClass: DozorProviderElement });

export const DozorKpiStrip = createComponent({
  react: React,
  tagName: 'dozor-kpi-strip',
  elementClass: DozorKpiStripElement,
  events: { ...onError, onDozorKpiSelect: event<DozorKpiSelectDetail>('dozor-kpi-select') },
});

export const DozorUserList = createComponent({
  react: React,
  tagName: 'dozor-user-list',
  elementClass: DozorUserListElement,
  events: {
    ...onError,
    onDozorUserSelect: event<DozorUserSelectDetail>('dozor-user-select'),
    onDozorFiltersChange: event<DozorFiltersChangeDetail>('dozor-filters-change'),
  },
});

export const DozorUserProfile = createComponent({
  react: React,
  tagName: 'dozor-user-profile',
  elementClass: DozorUserProfileElement,
  events: {
    ...onError,
    onDozorRangeChange: event<DozorRangeChangeDetail>('dozor-range-change'),
    onDozorDisplayNameChange: event<DozorDisplayNameChangeDetail>('dozor-display-name-change'),
    onDozorBack: event<DozorBackDetail>('dozor-back'),
    onDozorUserSelect: event<DozorUserSelectDetail>('dozor-user-select'),
  },
});

export const DozorRangeSelector = createComponent({
  react: React,
  tagName: 'dozor-range-selector',
  elementClass: DozorRangeSelectorElement,
  events: { onDozorRangeChange: event<DozorRangeChangeDetail>('dozor-range-change') },
});

export const DozorDisplayNameEditor = createComponent({
  react: React,
  tagName: 'dozor-display-name-editor',
  elementClass: DozorDisplayNameEditorElement,
  events: {
    ...onError,
    onDozorDisplayNamePending: event<DozorDisplayNamePendingDetail>('dozor-display-name-pending'),
    onDozorDisplayNameChange: event<DozorDisplayNameChangeDetail>('dozor-display-name-change'),
  },
});

export const DozorTraitsInspector = createComponent({
  react: React,
  tagName: 'dozor-traits-inspector',
  elementClass: DozorTraitsInspectorElement,
});
export const DozorStatusBadge = createComponent({ react: React, tagName: 'dozor-status-badge', elementClass: DozorStatusBadgeElement });
export const DozorRelativeTime = createComponent({ react: React, tagName: 'dozor-relative-time', elementClass: DozorRelativeTimeElement });
export const DozorUserTags = createComponent({ react: React, tagName: 'dozor-user-tags', elementClass: DozorUserTagsElement });
export const DozorLastUpdated = createComponent({
  react: React,
  tagName: 'dozor-last-updated',
  elementClass: DozorLastUpdatedElement,
  events: { onDozorRefreshRequest: event<Record<string, never>>('dozor-refresh-request') },
});

export const DozorActivityChart = createComponent({
  react: React,
  tagName: 'dozor-activity-chart',
  elementClass: DozorActivityChartElement,
  events: onError,
});
export const DozorPageDistribution = createComponent({
  react: React,
  tagName: 'dozor-page-distribution',
  elementClass: DozorPageDistributionElement,
  events: { ...onError, onDozorPageLimitChange: event<DozorPageLimitChangeDetail>('dozor-page-limit-change') },
});

const onSessionSelect = { ...onError, onDozorSessionSelect: event<DozorSessionSelectDetail>('dozor-session-select') };
export const DozorSessionsTimeline = createComponent({
  react: React,
  tagName: 'dozor-sessions-timeline',
  elementClass: DozorSessionsTimelineElement,
  events: onSessionSelect,
});
export const DozorSessionsTable = createComponent({
  react: React,
  tagName: 'dozor-sessions-table',
  elementClass: DozorSessionsTableElement,
  events: onSessionSelect,
});
export const DozorSessionJourney = createComponent({
  react: React,
  tagName: 'dozor-session-journey',
  elementClass: DozorSessionJourneyElement,
  events: onSessionSelect,
});
