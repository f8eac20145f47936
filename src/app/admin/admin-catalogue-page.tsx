import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AdminRequestError,
  currentCatalogueVersion,
  publishCatalogue,
} from '../../data/admin/admin-client';
import { useOnline } from '../components/online-status';
import { adminErrorText } from './admin-error-text';
import { CatalogueProblems } from './catalogue-problems-table';
import { AdminLoadStatus } from './admin-load-status';
import { useAdminLoad } from './use-admin-load';
import { currentFormat } from '../i18n/format';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { FormField } from '../components/form-field';
import { useCatalogueState } from '../catalogue-context';
import { entriesToRecheck } from '../../domain/directory/stale';
import { DirectoryEntryEditor } from './directory-entry-editor';

type Chosen = { name: string; body: unknown } | { name: string; unreadable: true } | null;
type Outcome =
  | { kind: 'published'; version: string; created: boolean }
  | { kind: 'refused'; text: string; details: readonly string[] }
  | null;

/**
 * Which catalogue devices install, and publishing a new one from a JSON file. The server
 * validates it like the build does; its problems are shown per file, record and field.
 */
export function AdminCataloguePage() {
  const { t } = useTranslation();
  const online = useOnline();
  const { state, reload } = useAdminLoad('catalogue', () => currentCatalogueVersion());
  const [chosen, setChosen] = useState<Chosen>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const catalogueState = useCatalogueState();
  // The device's catalogue; the day is read here, at the edge, so the domain stays pure.
  const toRecheck =
    catalogueState.status === 'ready'
      ? entriesToRecheck(
          catalogueState.catalogue.organisations,
          new Date().toISOString().slice(0, 10),
        )
      : [];

  async function choose(e: React.ChangeEvent<HTMLInputElement>) {
    setOutcome(null);
    const file = e.target.files?.[0];
    if (!file) {
      setChosen(null);
      return;
    }
    try {
      setChosen({ name: file.name, body: JSON.parse(await file.text()) as unknown });
    } catch {
      // Not JSON: say so here, there is no point sending it.
      setChosen({ name: file.name, unreadable: true });
    }
  }

  async function publish() {
    if (!chosen || 'unreadable' in chosen) return;
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await publishCatalogue(chosen.body);
      setOutcome({ kind: 'published', version: answer.version, created: answer.created });
      reload();
    } catch (error) {
      setOutcome({
        kind: 'refused',
        text: adminErrorText(t, error),
        details: error instanceof AdminRequestError ? error.details : [],
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Heading level={1}>{t('admin.catalogue.title')}</Heading>
      <Paragraph purpose="lead">{t('admin.catalogue.intro')}</Paragraph>
      <section aria-labelledby="catalogue-current">
        <Heading level={2} id="catalogue-current">
          {t('admin.catalogue.current')}
        </Heading>
        <AdminLoadStatus state={state} />
        {state.status === 'ready' && state.data.version === null && (
          <Paragraph>{t('admin.catalogue.noneYet')}</Paragraph>
        )}
        {state.status === 'ready' && state.data.version !== null && (
          <dl className="facts">
            <dt>{t('admin.catalogue.version')}</dt>
            <dd data-testid="catalogue-version">
              <code>{state.data.version}</code>
            </dd>
            <dt>{t('admin.catalogue.publishedAt')}</dt>
            <dd>
              {state.data.publishedAt ? currentFormat().dateTime(state.data.publishedAt) : '—'}
            </dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="catalogue-recheck">
        <Heading level={2} id="catalogue-recheck">
          {t('admin.catalogue.recheckTitle')}
        </Heading>
        {toRecheck.length === 0 ? (
          <Paragraph>{t('admin.catalogue.recheckNone')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('admin.catalogue.recheckIntro', { count: toRecheck.length })}</Paragraph>
            <ul data-testid="catalogue-recheck">
              {toRecheck.map((e) => (
                <li key={e.id}>
                  {e.name} —{' '}
                  {t('admin.catalogue.recheckChecked', { date: currentFormat().date(e.checkedOn) })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {catalogueState.status === 'ready' && state.status === 'ready' && (
        <DirectoryEntryEditor
          catalogue={catalogueState.catalogue}
          serverVersion={state.data.version}
          online={online}
          onPublished={reload}
        />
      )}
      <section aria-labelledby="catalogue-publish">
        <Heading level={2} id="catalogue-publish">
          {t('admin.catalogue.publishTitle')}
        </Heading>
        <Paragraph>{t('admin.catalogue.publishIntro')}</Paragraph>
        <FormField htmlFor="catalogue-file" label={t('admin.catalogue.file')}>
          <input
            id="catalogue-file"
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => void choose(e)}
          />
        </FormField>
        {chosen && 'unreadable' in chosen && (
          <Notice type="error" role="alert">
            {t('admin.catalogue.notJson', { name: chosen.name })}
          </Notice>
        )}
        <Button
          disabled={!online || busy || !chosen || 'unreadable' in chosen}
          onClick={() => void publish()}
        >
          {busy ? t('admin.busy') : t('admin.catalogue.publish')}
        </Button>
        {outcome?.kind === 'published' && (
          <Notice role="status">
            {outcome.created
              ? t('admin.catalogue.published', { version: outcome.version })
              : t('admin.catalogue.unchanged', { version: outcome.version })}
          </Notice>
        )}
        {outcome?.kind === 'refused' && (
          <Notice type="error" role="alert">
            <Paragraph>{outcome.text}</Paragraph>
            {outcome.details.length > 0 && <CatalogueProblems lines={outcome.details} />}
          </Notice>
        )}
      </section>
    </div>
  );
}
