// Contender "React + TanStack": the same grid written the way a competent React developer would with
// React 19, @tanstack/react-table (column defs, core row model, row ids) and @tanstack/react-virtual
// (a windowed body with the list's overscan): rows keyed by id and memoized, cells through flexRender.
import { memo, useMemo, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TrackedUserListItem } from '../../src/backend/index.js';
import {
  avatarModel,
  formatCount,
  formatDateTime,
  formatDuration,
  formatRelative,
  userSubtitles,
  type AvatarShape,
  type UserStatus,
  type UserTag,
} from '../../src/core/index.js';
import { COMMON_STRINGS } from '../../src/elements/shared/strings.js';
import { runListBench, whenRendered } from './harness.js';
import { COLUMN_LABELS, OVERSCAN, ROW_HEIGHT } from './row-view.js';
import { listStyleSheets } from './list-css.js';

function Shape({ shape }: { shape: AvatarShape }) {
  switch (shape.kind) {
    case 'circle':
      return <circle cx={shape.cx} cy={shape.cy} r={shape.r} fill={shape.fill} />;
    case 'rect':
      return <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={shape.rx} fill={shape.fill} />;
    case 'path':
      return (
        <path d={shape.d} fill={shape.fill} stroke={shape.stroke ?? 'none'} strokeWidth={shape.strokeWidth ?? 0} strokeLinecap="round" />
      );
  }
}

const Avatar = memo(function Avatar({ seed }: { seed: string }) {
  const model = useMemo(() => avatarModel(seed), [seed]);
  return (
    <svg
      part="avatar"
      className="avatar"
      width={32}
      height={32}
      viewBox={`0 0 ${model.size} ${model.size}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      <rect width={model.size} height={model.size} rx={model.size / 2} fill={model.background} />
      {model.shapes.map((shape, i) => (
        <Shape key={i} shape={shape} />
      ))}
    </svg>
  );
});

function StatusBadge({ status }: { status: UserStatus }) {
  const description = COMMON_STRINGS.statusDescriptions[status];
  return (
    <span className={`badge ${status}`} part="badge" title={description}>
      <span className="dot" part="dot" aria-hidden="true" />
      <span part="label">{COMMON_STRINGS.statusLabels[status]}</span>
      <span className="visually-hidden">: {description}</span>
    </span>
  );
}

function UserTags({ tags }: { tags: readonly UserTag[] }) {
  if (tags.length === 0) return null;
  return (
    <ul part="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.id} className={tag.id} part={`tag tag-${tag.id}`} title={tag.reason}>
          {tag.label}
          <span className="visually-hidden">: {tag.reason}</span>
        </li>
      ))}
    </ul>
  );
}

const EXACT_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

const column = createColumnHelper<TrackedUserListItem>();
const columns = [
  column.accessor('displayName', {
    id: 'user',
    header: COLUMN_LABELS[0],
    cell: ({ row }) => {
      const user = row.original;
      const subtitles = userSubtitles(user);
      return (
        <div className="user">
          <Avatar seed={`${user.projectId}:${user.externalId}`} />
          <div className="names">
            <span className="name" part="name" title={user.displayName}>
              {user.displayName}
            </span>
            {subtitles.externalId !== null && (
              <span className="subtitle mono" title={subtitles.externalId}>
                {subtitles.externalId}
              </span>
            )}
            {subtitles.email !== null && (
              <span className="subtitle" title={subtitles.email}>
                {subtitles.email}
              </span>
            )}
          </div>
        </div>
      );
    },
  }),
  column.accessor('projectName', {
    header: COLUMN_LABELS[1],
    cell: ({ getValue }) => (
      <span className="project" part="project" title={getValue()}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor('status', { header: COLUMN_LABELS[2], cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
  column.accessor('tags', { header: COLUMN_LABELS[3], cell: ({ getValue }) => <UserTags tags={getValue() ?? []} /> }),
  column.accessor('lastEventAt', {
    header: COLUMN_LABELS[4],
    cell: ({ getValue }) => {
      const lastSeen = getValue();
      if (lastSeen === null) return 'Never';
      const ms = Date.parse(lastSeen);
      return (
        <time part="time" dateTime={new Date(ms).toISOString()} title={formatDateTime(ms, EXACT_FORMAT, 'en')}>
          {formatRelative(ms, Date.now(), 'en')}
        </time>
      );
    },
  }),
  column.accessor('sessionCount', {
    header: COLUMN_LABELS[5],
    cell: ({ getValue }) => formatCount(getValue(), 'en'),
    meta: { numeric: true },
  }),
  column.accessor('activeTime7d', {
    header: COLUMN_LABELS[6],
    cell: ({ getValue }) => (getValue() > 0 ? formatDuration(getValue()) : COMMON_STRINGS.emptyValue),
    meta: { numeric: true },
  }),
];
const numeric = (meta: unknown) => (meta as { numeric?: boolean } | undefined)?.numeric === true;

interface UserRowProps {
  row: Row<TrackedUserListItem>;
  index: number;
  active: boolean;
  activeColumn: number;
}

const UserRow = memo(function UserRow({ row, index, active, activeColumn }: UserRowProps) {
  return (
    <div
      className="row body-row"
      part="row"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      style={{ top: index * ROW_HEIGHT }}
    >
      {row.getVisibleCells().map((cell, column) => (
        <div
          key={cell.id}
          className={`cell ${numeric(cell.column.columnDef.meta) ? 'number' : ''}`}
          part="cell"
          role="gridcell"
          tabIndex={active && activeColumn === column ? 0 : -1}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
});

function UsersTable({ data }: { data: TrackedUserListItem[] }) {
  const [activeRow] = useState(0);
  const [activeColumn] = useState(0);
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (user) => user.id });
  const { rows } = table.getRowModel();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const headers = useMemo(
    () =>
      table.getHeaderGroups()[0]!.headers.map((header) => (
        <div key={header.id} className={`cell ${numeric(header.column.columnDef.meta) ? 'number' : ''}`} part="cell" role="columnheader">
          {flexRender(header.column.columnDef.header, header.getContext())}
        </div>
      )),
    [table],
  );
  return (
    <div className="grid" data-columns={7}>
      <div
        className="scroller"
        part="grid"
        role="grid"
        aria-label="Tracked users"
        aria-rowcount={rows.length + 1}
        aria-colcount={7}
        ref={scrollerRef}
      >
        <div role="rowgroup">
          <div className="row head" part="header" role="row" aria-rowindex={1}>
            {headers}
          </div>
        </div>
        <div className="rows" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return <UserRow key={row.id} row={row} index={item.index} active={item.index === activeRow} activeColumn={activeColumn} />;
          })}
        </div>
      </div>
    </div>
  );
}

const roots = new WeakMap<HTMLElement, Root>();
const shadowOf = (container: HTMLElement) => container.firstElementChild!.shadowRoot!;

runListBench({
  async mount(container, rows) {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = listStyleSheets();
    const mountPoint = document.createElement('div');
    shadow.append(mountPoint);
    container.append(host);
    const root = createRoot(mountPoint);
    roots.set(container, root);
    root.render(<UsersTable data={rows} />);
    await whenRendered(shadow, () => shadow.querySelector('.body-row') !== null);
  },
  unmount(container) {
    roots.get(container)?.unmount();
    container.replaceChildren();
  },
  scroller: (container) => shadowOf(container).querySelector<HTMLElement>('.scroller')!,
  domRows: (container) => shadowOf(container).querySelector('.rows')?.childElementCount ?? 0,
});
