import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminRequestError, publishCatalogue } from '../../data/admin/admin-client';
import { OFFER_STATUSES } from '../../domain/catalogue/constants';
import type { Catalogue, OfferStatus, Organisation } from '../../domain/catalogue/schema';
import { offerStatusSchema } from '../../domain/catalogue/schema';
import type { EditableFact, EntryEdit, FactInput } from '../../domain/directory/edit-entry';
import { EDITABLE_FACTS, applyEntryEdit, factInput } from '../../domain/directory/edit-entry';
import { Button } from '../components/button';
import { Checkbox, Fieldset, FormField, SelectInput, TextInput } from '../components/form-field';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { adminErrorText } from './admin-error-text';
import { CatalogueProblems } from './catalogue-problems-table';

type Outcome =
  | { kind: 'published'; version: string }
  | { kind: 'local'; fields: readonly string[] }
  | { kind: 'refused'; text: string; details: readonly string[] }
  | null;

/** The part of the form a problem from the domain (`walkIn.value: …`, `source.url: …`) is about. */
function problemField(problem: string): string {
  return problem.split(/[.:]/)[0] ?? '';
}

type Draft = Omit<EntryEdit, 'checkedOn'>;

function draftFor(organisation: Organisation): Draft | null {
  const entry = organisation.directory;
  if (!entry) return null;
  const facts = {} as Record<EditableFact, FactInput>;
  for (const key of EDITABLE_FACTS) facts[key] = factInput(entry[key]);
  return { facts, status: entry.status.value, source: { title: '', publisher: '', url: '' } };
}

/**
 * Editing one sociale kaart entry in the app (issue 15): the beheerder changes hours, address or
 * status, names where she checked it, and publishes a new catalogue version in one step. The
 * edit is applied to the catalogue on this device, so it may only be made when that is the
 * version the server publishes now; otherwise it would undo someone else's newer publication.
 */
export function DirectoryEntryEditor({
  catalogue,
  serverVersion,
  online,
  onPublished,
}: {
  catalogue: Catalogue;
  /** The version the server publishes now; null when nothing was published (the built one). */
  serverVersion: string | null;
  online: boolean;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const entries = catalogue.organisations.filter((o) => o.directory);
  const [id, setId] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const stale = serverVersion !== null && serverVersion !== catalogue.version;

  function choose(next: string) {
    setId(next);
    setOutcome(null);
    const organisation = entries.find((o) => o.id === next);
    setDraft(organisation ? draftFor(organisation) : null);
  }

  function setFact(key: EditableFact, change: Partial<FactInput>) {
    setDraft((d) =>
      d ? { ...d, facts: { ...d.facts, [key]: { ...d.facts[key], ...change } } } : d,
    );
  }

  async function save() {
    if (!draft) return;
    // The day is read here, at the edge; the domain stays pure.
    const checkedOn = new Date().toISOString().slice(0, 10);
    const result = applyEntryEdit(catalogue, id, { ...draft, checkedOn });
    if (!result.ok) {
      setOutcome({ kind: 'local', fields: [...new Set(result.problems.map(problemField))] });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await publishCatalogue(result.catalogue);
      setOutcome({ kind: 'published', version: answer.version });
      onPublished();
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
    <section aria-labelledby="kaart-edit">
      <Heading level={2} id="kaart-edit">
        {t('admin.kaartEdit.title')}
      </Heading>
      <Paragraph>{t('admin.kaartEdit.intro')}</Paragraph>
      {stale && <Notice>{t('admin.kaartEdit.stale')}</Notice>}
      <FormField htmlFor="kaart-edit-entry" label={t('admin.kaartEdit.entry')}>
        <SelectInput id="kaart-edit-entry" value={id} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('admin.kaartEdit.choose')}</option>
          {entries.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectInput>
      </FormField>
      {draft && (
        <>
          {EDITABLE_FACTS.map((key) => (
            <Fieldset key={key} legend={t(`admin.kaartEdit.fact.${key}`)}>
              <FormField
                htmlFor={`kaart-edit-${key}`}
                label={
                  draft.facts[key].known
                    ? t('admin.kaartEdit.value')
                    : t('admin.kaartEdit.unknownWhy')
                }
              >
                <TextInput
                  id={`kaart-edit-${key}`}
                  value={draft.facts[key].text}
                  onChange={(e) => setFact(key, { text: e.target.value })}
                />
              </FormField>
              <FormField
                htmlFor={`kaart-edit-${key}-unknown`}
                type="checkbox"
                label={t('admin.kaartEdit.unknown')}
              >
                <Checkbox
                  id={`kaart-edit-${key}-unknown`}
                  checked={!draft.facts[key].known}
                  onChange={(e) => setFact(key, { known: !e.target.checked })}
                />
              </FormField>
            </Fieldset>
          ))}
          <FormField htmlFor="kaart-edit-status" label={t('admin.kaartEdit.status')}>
            <SelectInput
              id="kaart-edit-status"
              value={draft.status}
              onChange={(e) => {
                const status: OfferStatus = offerStatusSchema.parse(e.target.value);
                setDraft({ ...draft, status });
              }}
            >
              {OFFER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`admin.kaartEdit.statusValue.${s}`)}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <Fieldset legend={t('admin.kaartEdit.source')}>
            <Paragraph>{t('admin.kaartEdit.sourceIntro')}</Paragraph>
            {(['title', 'publisher', 'url'] as const).map((part) => (
              <FormField
                key={part}
                htmlFor={`kaart-edit-source-${part}`}
                label={t(`admin.kaartEdit.sourcePart.${part}`)}
              >
                <TextInput
                  id={`kaart-edit-source-${part}`}
                  type={part === 'url' ? 'url' : 'text'}
                  value={draft.source[part] ?? ''}
                  onChange={(e) =>
                    setDraft({ ...draft, source: { ...draft.source, [part]: e.target.value } })
                  }
                />
              </FormField>
            ))}
          </Fieldset>
          <Button disabled={!online || busy || stale} onClick={() => void save()}>
            {busy ? t('admin.busy') : t('admin.kaartEdit.save')}
          </Button>
        </>
      )}
      {outcome?.kind === 'published' && (
        <Notice role="status">
          {t('admin.kaartEdit.published', { version: outcome.version })}
        </Notice>
      )}
      {outcome?.kind === 'local' && (
        <Notice type="error" role="alert">
          <Paragraph>{t('admin.kaartEdit.invalid')}</Paragraph>
          <ul>
            {outcome.fields.map((field) => (
              <li key={field}>
                {field === 'source'
                  ? t('admin.kaartEdit.problemSource')
                  : t('admin.kaartEdit.problemFact', {
                      field: (EDITABLE_FACTS as readonly string[]).includes(field)
                        ? t(`admin.kaartEdit.fact.${field}`)
                        : field,
                    })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {outcome?.kind === 'refused' && (
        <Notice type="error" role="alert">
          <Paragraph>{outcome.text}</Paragraph>
          {outcome.details.length > 0 && <CatalogueProblems lines={outcome.details} />}
        </Notice>
      )}
    </section>
  );
}
