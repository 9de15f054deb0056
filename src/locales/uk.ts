import type { DozorStrings } from '../elements/shared/strings.js';
import type { DozorTranslation } from '../elements/shared/translations.js';

// Ukrainian plurals: `one` 1, 21, 31…; `few` 2–4, 22–24…; `many` 0, 5–20, 25–30…; `other` fractions.
const sessions = { one: '# сесія', few: '# сесії', many: '# сесій', other: '# сесії' };
const pages = { one: '# сторінка', few: '# сторінки', many: '# сторінок', other: '# сторінки' };
const events = { one: '# подія', few: '# події', many: '# подій', other: '# події' };
const lanes = { one: '# доріжка', few: '# доріжки', many: '# доріжок', other: '# доріжки' };

/** Ukrainian: every string of every element. `registerTranslations(uk)`; `locale="uk"` or `uk-UA` selects it. */
export const uk: DozorTranslation<DozorStrings> = {
  locale: 'uk',
  strings: {
    statusLabels: { ONLINE: 'Онлайн', ACTIVE_24H: 'Активний', IDLE_7D: 'Пасивний', DORMANT: 'Неактивний' },
    statusDescriptions: {
      ONLINE: 'Активний протягом останніх 2 хвилин',
      ACTIVE_24H: 'Активний протягом останніх 24 годин',
      IDLE_7D: 'Востаннє активний протягом останніх 7 днів',
      DORMANT: 'Немає активності понад 7 днів',
    },
    errorTitles: {
      auth: 'Сеанс завершився',
      permission: 'Немає доступу',
      'not-found': 'Не знайдено',
      validation: 'Недійсний запит',
      conflict: 'Конфлікт',
      'rate-limit': 'Забагато запитів',
      server: 'Помилка сервера',
      network: 'Помилка мережі',
      timeout: 'Сервер надто довго не відповідав',
      aborted: 'Запит скасовано',
      'invalid-response': 'Сервер надіслав неочікувану відповідь',
      unknown: 'Щось пішло не так',
    },
    retry: 'Спробувати ще раз',
    retryAfter: (seconds, n) =>
      n.plural(seconds, {
        one: 'Сервер просить зачекати # секунду.',
        few: 'Сервер просить зачекати # секунди.',
        many: 'Сервер просить зачекати # секунд.',
        other: 'Сервер просить зачекати # секунди.',
      }),
    refreshNow: 'Оновити зараз',
    updatedAgo: (relative) => `Оновлено ${relative}`,
    notUpdatedYet: 'Ще не оновлено',
    refreshing: 'Оновлення…',
    emptyValue: '—',
    rangeLabels: { '6h': '6 годин', '24h': '24 години', '7d': '7 днів' },

    tagsLabel: 'Мітки',

    tagsMore: (count, labels, numbers) =>
      numbers.plural(count, {
        one: `ще тег: ${labels}`,
        few: `ще теги: ${labels}`,
        many: `ще тегів: ${labels}`,
        other: `ще тегу: ${labels}`,
      }),
    tagLabels: {
      new: 'Новий користувач',
      returning: 'Повторний користувач',
      longtime: 'Давній користувач',
      'work-info': 'Робочі дані',
      'contact-info': 'Контактні дані',
      buyer: 'Покупець',
      'custom-attributes': 'Власні атрибути',
    },
    tagReasons: {
      sessions: (count, n) =>
        n.plural(count, { one: 'Записано # сесію', few: 'Записано # сесії', many: 'Записано # сесій', other: 'Записано # сесії' }),
      trackedFor: (days, n) =>
        n.plural(days, {
          one: 'Відстежується # день',
          few: 'Відстежується # дні',
          many: 'Відстежується # днів',
          other: 'Відстежується # дня',
        }),
      traitSet: (keys) => (keys.length === 1 ? `Атрибут ${keys[0]} заповнено` : `Атрибути ${keys.join(', ')} заповнено`),
      orders: (count, n) =>
        n.plural(count, {
          one: 'Зафіксовано # замовлення',
          few: 'Зафіксовано # замовлення',
          many: 'Зафіксовано # замовлень',
          other: 'Зафіксовано # замовлення',
        }),
    },

    kpiLabel: 'Огляд відстежуваних користувачів',
    kpiTotal: 'Усього відстежується',
    kpiTotalHint: 'Ідентифіковані й анонімні, із зарахованою сесією чи без неї',
    kpiTotalListHint: 'Ідентифіковані користувачі, як їх рахує список',
    kpiOnline: 'Зараз онлайн',
    kpiOnlineHint: 'Активні протягом останніх 2 хвилин',
    kpiActive24h: 'Активні за 24 год',
    kpiActive24hHint: 'Активні протягом останніх 24 годин, разом з онлайн',
    kpiNewThisWeek: 'Нові цього тижня',
    kpiNewThisWeekHint: 'Уперше відстежені за останні 7 днів',
    kpiIdentified: 'Ідентифіковані',
    kpiIdentifiedHint: (anonymous, n) =>
      n.plural(anonymous, { one: '# анонімний', few: '# анонімні', many: '# анонімних', other: '# анонімного' }),
    kpiChange: (change, n) => `${change >= 0 ? '▲' : '▼'} ${n.percent(Math.abs(change))} порівняно з минулим тижнем`,
    kpiNoPreviousWeek: 'Минулого тижня нових користувачів не було',
    kpiLoading: 'Завантаження огляду',
    kpiIdentitiesNote:
      'Ці числа враховують анонімних відвідувачів; список користувачів показує ідентифікованих, якщо його фільтр «Ідентичність» не задано інакше.',
    kpiActivityDefinition: 'Активністю вважаються лише сесії щонайменше з 10 подіями й тривалістю щонайменше 1 секунду.',

    listLabel: 'Відстежувані користувачі',
    searchLabel: 'Пошук користувачів',
    searchPlaceholder: 'Пошук за ім’ям, ID або ел. поштою',
    clearSearch: 'Очистити пошук',
    projectsFilter: (selected, n) => (selected === 0 ? 'Усі проєкти' : `Проєкти (${n.number(selected)})`),
    projectsLegend: 'Показати користувачів проєктів',
    statusesFilter: (selected, n) => (selected === 0 ? 'Будь-який статус' : `Статус (${n.number(selected)})`),
    statusesLegend: 'Показати користувачів зі статусом',
    identityLabel: 'Ідентичність',
    identityOptions: { identified: 'Ідентифіковані користувачі', anonymous: 'Анонімні відвідувачі', all: 'Усі' },
    columnUser: 'Користувач',
    columnUserSortKey: 'перше відстеження',
    columnProject: 'Проєкт',
    columnStatus: 'Статус',
    columnTags: 'Мітки',
    columnLastSeen: 'Остання активність',
    columnSessions: 'Сесії',
    columnActive7d: 'Активність за 7 дн.',
    sortBy: {
      'last-seen': 'Сортувати за останньою активністю',
      sessions: 'Сортувати за кількістю сесій',
      'active-time': 'Сортувати за активним часом за останні 7 днів',
      newest: 'Сортувати за датою першого відстеження',
    },
    showing: (shown, total, identity, filtered, n) => {
      const nominative = {
        identified: {
          one: '# ідентифікований користувач',
          few: '# ідентифіковані користувачі',
          many: '# ідентифікованих користувачів',
          other: '# ідентифікованого користувача',
        },
        anonymous: {
          one: '# анонімний відвідувач',
          few: '# анонімні відвідувачі',
          many: '# анонімних відвідувачів',
          other: '# анонімного відвідувача',
        },
        all: { one: '# користувач', few: '# користувачі', many: '# користувачів', other: '# користувача' },
      }[identity];
      const genitive = {
        identified: {
          one: '# ідентифікованого користувача',
          many: '# ідентифікованих користувачів',
          other: '# ідентифікованого користувача',
        },
        anonymous: { one: '# анонімного відвідувача', many: '# анонімних відвідувачів', other: '# анонімного відвідувача' },
        all: { one: '# користувача', many: '# користувачів', other: '# користувача' },
      }[identity];
      const count =
        total !== null && total !== shown
          ? `${n.number(shown)} з ${n.plural(total, { ...genitive, few: genitive.many })}`
          : n.plural(shown, nominative);
      return `Показано: ${count}${filtered ? ' (відфільтровано)' : ''}`;
    },
    loadMore: 'Завантажити ще',
    loadingMore: 'Завантаження інших користувачів…',
    allLoaded: 'Усіх користувачів завантажено',
    emptyTitle: 'Відстежуваних користувачів ще немає',
    emptyHint: 'Користувачі з’являться тут, щойно SDK запише для них сесію.',
    noMatchTitle: 'Жоден користувач не відповідає цим фільтрам',
    noMatchHint: 'Спробуйте інший пошук або скиньте фільтри.',
    limitedStatusFilter: (window) =>
      `Цей сервер фільтрує за статусом лише серед ${window} нещодавно оновлених користувачів і показує одну сторінку: деяких користувачів може бракувати.`,
    limitedSearch: 'Цей сервер шукає лише за ідентифікаторами та власними іменами, а не за іменами чи адресами з ознак.',
    limitedSort: 'Цей сервер сортує кожну сторінку окремо: між сторінками порядок приблизний.',
    clearFilters: 'Скинути фільтри',
    exportCsv: 'Експортувати в CSV',
    exporting: (done, total, n) => `Експорт: ${n.number(done)}${total !== null ? ` з ${n.number(total)}` : ''}…`,
    cancelExport: 'Скасувати експорт',
    exportFailed: 'Не вдалося експортувати',
    updatesAvailable: 'Є нова активність.',
    showUpdates: 'Показати найновіше',
    loadingUsers: 'Завантаження користувачів',
    neverSeen: 'Ніколи',
    csvHeader: [
      'id',
      'externalId',
      'displayName',
      'email',
      'project',
      'status',
      'identity',
      'tags',
      'lastSeen',
      'sessions',
      'activeSeconds7d',
      'firstSeen',
    ],

    profileNotFoundTitle: 'Користувача не знайдено',
    profileNoAccessTitle: 'Немає доступу до цього користувача',
    profileNoAccessDescription:
      'У вас немає дозволу переглядати цього відстежуваного користувача. Попросіть доступ до його проєкту й спробуйте ще раз.',
    profileNotFoundDescription:
      'Можливо, цього відстежуваного користувача видалено або у вас немає доступу до проєкту, якому він належить.',
    profileBack: 'Назад до користувачів',
    profileTrackedUserId: 'Відстежуваний користувач · ID',
    profileCopyId: 'Копіювати ID',
    profileCopied: 'Скопійовано',
    profileCopyIdSucceeded: 'ID скопійовано в буфер обміну',
    profileCopyFailed: 'Не вдалося скопіювати в буфер обміну',
    profileEditName: 'Змінити показуване ім’я',
    profileOnlineNow: 'Зараз онлайн',
    profileLastSeen: (relative) => `Остання активність ${relative}`,
    profileNeverSeen: 'Ще жодної зарахованої сесії',
    profileFirstSeen: (date) => `Відстежується з ${date}`,
    profileSessionCount: (count, n) => n.plural(count, sessions),
    profileProjectLabel: 'Проєкт',
    identityLabels: { identified: 'Ідентифікований', anonymous: 'Анонімний' },
    profileLoading: 'Завантаження користувача…',
    statsLabel: 'Статистика',
    statSessions: 'Сесії',
    statActiveTime: 'Активний час',
    statAvgSession: 'Середня сесія',
    statEvents: 'Події',
    statUniquePages: 'Унікальні сторінки',
    statTopPage: 'Найпопулярніша сторінка',
    statRangeLabels: { '6h': 'останні 6 годин', '24h': 'останні 24 години', '7d': 'останні 7 днів' },
    statAcross: (count, n) => n.plural(count, { one: 'за # сесію', few: 'за # сесії', many: 'за # сесій', other: 'за # сесії' }),
    statNoSessions: 'немає сесій',
    statMostTimeSpent: 'найбільше часу',

    rangeSelectorLabel: 'Вибрати період активності',

    traitsTitle: 'Атрибути',
    traitsKeyCount: (count, n) => n.plural(count, { one: '# ключ', few: '# ключі', many: '# ключів', other: '# ключа' }),
    traitsShowAll: (count, n) => `Показати всі (${n.number(count)})`,
    traitsShowJson: 'Показати JSON',
    traitsJsonLabel: 'JSON атрибутів',
    traitsHideJson: 'Сховати JSON',
    traitsCopyJson: 'Копіювати JSON',
    traitsCopied: 'Скопійовано',
    traitsCopySucceeded: 'JSON атрибутів скопійовано в буфер обміну',
    traitsCopyFailed: 'Не вдалося скопіювати в буфер обміну',
    traitsTruncated: 'Скорочено: довгі значення та великі або глибоко вкладені об’єкти тут укорочено; «Копіювати JSON» копіює їх повністю.',

    displayNameTitle: 'Показуване ім’я',
    displayNameDescription:
      'Виберіть, як цей користувач відображатиметься на панелі. Нижчі пункти списку діють, лише коли вище нічого не задано.',
    displayNameShownAs: 'Показується як',
    customNameLabel: 'Власне ім’я',
    customNameHelp: 'Фіксоване показуване ім’я цього користувача. Має пріоритет над усім іншим.',
    customNamePlaceholder: 'напр. Олена Коваленко',
    traitKeyLabel: 'Ключ атрибута (цей користувач)',
    traitKeyHelp: 'Виберіть ключ з атрибутів цього користувача. Його показуваним ім’ям стане значення traits[ключ].',
    traitKeyPlaceholder: 'напр. email',
    traitKeyAvailable: 'Доступні:',
    traitKeyUse: (key) => `Використати ключ атрибута ${key}`,
    projectTraitKeyLabel: 'Ключ атрибута (типовий для проєкту)',
    projectTraitKeyHelp: (projectName) =>
      `Діє для всіх користувачів у ${projectName} без власного налаштування. Виберіть ключ, який є в більшості користувачів (напр. email).`,
    projectTraitKeyPlaceholder: 'напр. email',
    displayNameSet: 'Застосувати',
    displayNameReset: 'Скинути',
    displayNameClose: 'Закрити',
    displayNameLoading: 'Завантаження користувача…',

    activityChartTitle: 'Активність',
    activityChartLoading: 'Завантаження активності…',
    activityChartEmpty: 'Немає активності за цей період',
    activityChartEvents: (count, n) => n.plural(count, events),
    activityChartLabel: (eventCount, buckets, peak, n) =>
      `Гістограма активності: ${n.plural(eventCount, events)} за ${n.plural(buckets, {
        one: '# інтервал',
        few: '# інтервали',
        many: '# інтервалів',
        other: '# інтервалу',
      })}, пік ${n.number(peak)}.`,
    activityChartRoleDescription: 'діаграма',
    activityChartKeyboardHint: 'Стрілки вліво та вправо переходять між інтервалами, Page Up і Page Down — між інтервалами з активністю.',
    activityChartBucketRange: (start, end) => `${start}–${end}`,
    activityChartTopPages: 'Найпопулярніші сторінки',
    activityChartTableCaption: 'Події за інтервалами',
    activityChartTimeColumn: 'Час',
    activityChartEventsColumn: 'Події',
    activityChartPageCount: (pathname, count, n) => `${pathname}: ${n.number(count)}`,

    pagesTitle: 'Сторінки',
    pagesLoading: 'Завантаження сторінок…',
    pagesEmpty: 'Немає переглядів сторінок за цей період.',
    pagesUniqueCount: (shown, total, n) =>
      `${n.number(shown)} / ${n.plural(total, {
        one: '# унікальна сторінка',
        few: '# унікальні сторінки',
        many: '# унікальних сторінок',
        other: '# унікальної сторінки',
      })}`,
    pagesIndexColumn: '№',
    pagesPageColumn: 'Сторінка',
    pagesTimeColumn: 'Час',
    pagesShareColumn: 'Частка',
    pagesVisitsColumn: 'Візити',
    pagesShowMore: (count, n) => `Показати більше (${n.number(count)})`,
    pagesShowLess: 'Показати менше',
    pagesLoadingMore: 'Завантаження…',

    journeyTitle: 'Шлях',
    journeyLoading: 'Завантаження шляху…',
    journeyMeta: (count, timeOnPages, open, n) => `${n.plural(count, pages)} · ${timeOnPages} на сторінках${open ? ' · триває' : ''}`,
    journeyLabel: (count, n) => `Сторінки сесії в порядку відвідування, ${n.plural(count, pages)}`,
    journeyEntry: 'Вхід',
    journeyExit: 'Вихід',
    journeyCurrent: 'Поточна сторінка',
    journeyTimeOnPage: (duration) => `${duration} на сторінці`,
    journeyGap: (duration) => `${duration} без записаної сторінки`,
    journeyEmpty: 'У цій сесії не записано жодної сторінки.',
    journeyNotInRange: (range) =>
      `Ця сесія не має сторінок за ${{ '6h': 'останні 6 годин', '24h': 'останні 24 години', '7d': 'останні 7 днів' }[range]}.`,
    journeyTruncated: (shown, total, n) =>
      `Скорочено: перші ${n.number(shown)} із ${n.plural(total, { one: '# кроку', few: '# кроків', many: '# кроків', other: '# кроку' })}.`,
    journeyReplay: 'Переглянути запис',

    timelineTitle: 'Хронологія сесій',
    timelineLoading: 'Завантаження хронології сесій…',
    timelineEmpty: 'Немає сесій за цей період.',
    timelineMeta: (count, laneCount, range, n) => `${n.plural(count, sessions)} · ${n.plural(laneCount, lanes)} · ${range}`,
    timelineLabel: (count, laneCount, n) => `Хронологія сесій: ${n.plural(count, sessions)}, ${n.plural(laneCount, lanes)}.`,
    timelineBarLabel: (id, duration, open) => `Сесія ${id}${duration === null ? '' : `, ${duration}`}${open ? ', триває' : ''}`,
    timelinePages: (duration, count, n) => `${duration} · ${n.plural(count, pages)}`,
    timelineOngoing: 'триває',
    timelineUnderOneSecond: '< 1 с',
    timelineOpenHint: 'Відкрийте, щоб переглянути запис',
    timelineTruncated: (shown, total, n) =>
      `Скорочено: показано ${n.number(shown)} найновіших із ${n.plural(total, { one: '# сесії', few: '# сесій', many: '# сесій', other: '# сесії' })}.`,

    sessionsTitle: 'Сесії',
    sessionsLoading: 'Завантаження сесій…',
    sessionsEmpty: 'Для цього користувача не записано жодної сесії.',
    sessionsSessionColumn: 'Сесія',
    sessionsStartedColumn: 'Початок',
    sessionsEntryColumn: 'Сторінка входу',
    sessionsDeviceColumn: 'Пристрій',
    sessionsDeviceKinds: { desktop: 'Комп’ютер', mobile: 'Телефон', tablet: 'Планшет' },
    sessionsScreen: (width, height) => `${width}×${height}`,
    sessionsDurationColumn: 'Тривалість',
    sessionsEventsColumn: 'Події',
    sessionsShown: (count, n) =>
      n.plural(count, { one: 'Показано # сесію', few: 'Показано # сесії', many: 'Показано # сесій', other: 'Показано # сесії' }),
    sessionsJourneyColumn: 'Шлях',
    sessionsShowJourney: (id) => `Сторінки сесії ${id}`,
    sessionsLoadMore: 'Завантажити ще',
    sessionsLoadingMore: 'Завантаження…',
  },
};

export default uk;
