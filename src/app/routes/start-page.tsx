import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { FormEvent, Ref } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { loadTranslations } from '../i18n/feature-translations';
import { paths } from '../paths';
import { useSession } from '../session/use-session';
import { useCatalogue } from '../use-catalogue';
import { CatalogueGate } from '../components/catalogue-gate';
import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';
import { forgetTypedBeforeStart, typedBeforeStart } from './typed-before-start';

// Only a signed-in worker sees it; its data code (vault, zod) and texts load after the start
// page has shown, and not at all while nobody is signed in.
const SignalsStartCard = lazy(async () => {
  const [card] = await Promise.all([
    import('../signals/signals-start-card'),
    loadTranslations('signals'),
  ]);
  return { default: card.SignalsStartCard };
});

/**
 * The first screen. Its search field, actions and headings need no catalogue, so the page is not
 * behind a CatalogueGate: a worker can start typing while the catalogue is read and checked; only
 * the fundamenten (catalogue data) wait for it, and searching opens the regelingen page, which does.
 */
export function StartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Whatever was typed into index.html's static field before this page rendered carries over.
  const [typed] = useState(typedBeforeStart);
  const [query, setQuery] = useState(typed?.value ?? '');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    forgetTypedBeforeStart();
    const input = field.current;
    if (!typed?.focused || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [typed]);
  const session = useSession();

  return (
    <>
      <StartSearch
        query={query}
        onQuery={setQuery}
        field={field}
        onSubmit={(e) => {
          e.preventDefault();
          void navigate(paths.regelingen.href({ q: query }));
        }}
      />
      {session && (
        <Suspense fallback={null}>
          <SignalsStartCard />
        </Suspense>
      )}
      <StartActions />
      <Heading level={2}>{t('start.fundamenten')}</Heading>
      <CatalogueGate>
        <Fundamenten />
      </CatalogueGate>
    </>
  );
}

/** Where a worker can go from the start page: links only, no data. */
const actions = [
  { to: paths.checks.href(), title: 'start.actionCheck', hint: 'start.actionCheckHint' },
  {
    to: paths.spreekuur.href(),
    title: 'start.actionSpreekuur',
    hint: 'start.actionSpreekuurHint',
  },
  {
    to: paths.lifeEvents.href(),
    title: 'start.actionLifeEvents',
    hint: 'start.actionLifeEventsHint',
  },
  {
    to: paths.regelingen.href(),
    title: 'start.actionRegelingen',
    hint: 'start.actionRegelingenHint',
  },
  { to: paths.wijken.href(), title: 'start.actionWijken', hint: 'start.actionWijkenHint' },
  {
    to: paths.programmes.href(),
    title: 'start.actionProgrammas',
    hint: 'start.actionProgrammasHint',
  },
  {
    to: paths.indicators.href(),
    title: 'start.actionIndicatoren',
    hint: 'start.actionIndicatorenHint',
  },
] as const;

/**
 * The start page's tiles. index.html paints the same markup in Dutch before any script runs, so
 * the largest thing on the first screen is there at the first paint and stays the same size when
 * React draws it again (test/unit/app/app-shell-html.test.tsx keeps the two the same).
 */
export function StartActions() {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={2}>{t('start.actions')}</Heading>
      <ul className="tiles">
        {actions.map((a) => (
          <li key={a.to}>
            <Link className="tile" to={a.to}>
              <span className="tile-title">{t(a.title)}</span>
              <span className="tile-hint">{t(a.hint)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The catalogue's fundamenten and its version: shown once the catalogue is ready. */
function Fundamenten() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const { language } = useFormat();
  const { overlay } = useCatalogueOverlay(language);
  return (
    <>
      <ul className="fundamenten">
        {catalogue.fundamenten.map((f) => (
          <li key={f.id}>
            <Link
              to={paths.regelingen.href({ fundament: f.id })}
              className={`fundament fundament-${f.id}`}
            >
              <span className="tile-title">{t(`fundament.${f.id}`)}</span>
              <span
                className="tile-hint"
                {...(overlay?.fundamenten[f.id] ? {} : dutchAttrs(language))}
              >
                {overlay?.fundamenten[f.id]?.summary ?? f.summary}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Paragraph className="muted small">
        {t('start.catalogueVersion', { version: catalogue.version })}
      </Paragraph>
    </>
  );
}

/**
 * The top of the start page. index.html paints the same markup in Dutch before any script runs
 * (test/unit/app/app-shell-html.test.tsx keeps them the same), and without a script its form
 * still opens the regelingen page with the search.
 */
export function StartSearch({
  query,
  onQuery,
  onSubmit,
  field,
}: {
  query: string;
  onQuery: (query: string) => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  field?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={1}>{t('start.title')}</Heading>
      <Paragraph purpose="lead">{t('start.intro')}</Paragraph>
      <form
        role="search"
        className="search-form"
        action={paths.regelingen.href()}
        method="get"
        onSubmit={onSubmit}
      >
        <label htmlFor="start-search">{t('start.searchLabel')}</label>
        <div className="search-row">
          <input
            ref={field}
            id="start-search"
            name="q"
            type="search"
            value={query}
            placeholder={t('start.searchPlaceholder')}
            onChange={(e) => onQuery(e.target.value)}
            autoComplete="off"
          />
          <Button type="submit">{t('regelingen.searchLabel')}</Button>
        </div>
      </form>
    </>
  );
}
