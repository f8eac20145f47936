import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { readSignal } from '../../data/repositories/signals';
import { referResident } from '../../data/repositories/toekomst';
import type { FieldError } from '../../domain/toekomst/toekomst-schema';
import { TOEKOMST_ERRORS_NL } from '../../domain/toekomst/toekomst-schema';
import { paths } from '../paths';
import { useToekomstWorker } from './use-toekomst-worker';
import './toekomst.css';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { Checkbox, FormField, TextArea, TextInput } from '../components/form-field';

type Source = 'check' | 'signaal' | 'eigen';

function sourceOf(value: string | null): Source {
  return value === 'check' || value === 'signaal' ? value : 'eigen';
}

/**
 * Refers a resident to the toekomstmakelaars (from a check or a signal), or, for a
 * toekomstmakelaar, starts a trajectory for a resident she met herself. Asks the least that lets
 * her call: a name or pseudonym, one way to reach the resident, and the resident's consent.
 */
export function ReferPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const worker = useToekomstWorker();
  const source = sourceOf(params.get('bron'));
  const sourceId = params.get('id') ?? undefined;
  const wijk = params.get('wijk') ?? undefined;
  const [residentName, setName] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  // From a signal, the name and contact are already known: no need to ask twice.
  useEffect(() => {
    if (source !== 'signaal' || !sourceId) return;
    void readSignal(sourceId).then(
      (signal) => {
        const data = signal?.data;
        if (!data) return;
        setName((n) => n || data.residentName);
        setContact((c) => c || data.contactValue);
      },
      () => undefined,
    );
  }, [source, sourceId]);

  if (worker === undefined) return <Paragraph className="muted">{t('toekomst.loading')}</Paragraph>;
  if (worker === null) return <Notice>{t('toekomst.needSession')}</Notice>;
  const own = worker.role === 'toekomstmakelaar';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!worker) return;
    setBusy(true);
    setFailed(false);
    try {
      const input: Record<string, unknown> = {
        residentName,
        contact,
        consent: consent ? true : undefined,
        referredFrom: source,
      };
      if (sourceId) input.referredFromId = sourceId;
      if (note.trim()) input.referralNote = note;
      const result = await referResident(input, { worker, wijk });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      if (own) navigate(paths.trajectory.href(result.id));
      else if (source === 'check' && sourceId) navigate(paths.checkOutcome.href(sourceId));
      else if (source === 'signaal' && sourceId) navigate(paths.signal.href(sourceId));
      else navigate(paths.toekomst.href());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: string) => {
    const error = errors.find((x) => x.field === field);
    return error ? (
      <Paragraph className="field-error" id={`${field}-error`}>
        {t(`toekomst.errors.${error.code}`, { defaultValue: TOEKOMST_ERRORS_NL[error.code] })}
      </Paragraph>
    ) : null;
  };

  return (
    <div className="toekomst-page">
      <Heading level={1}>{own ? t('toekomst.refer.ownTitle') : t('toekomst.refer.title')}</Heading>
      <Paragraph>{own ? t('toekomst.refer.ownIntro') : t('toekomst.refer.intro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField htmlFor="refer-residentName" label={t('toekomst.refer.name')}>
          <TextInput
            id="refer-residentName"
            value={residentName}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            invalid={errors.some((x) => x.field === 'residentName')}
          />
          {errorFor('residentName')}
        </FormField>
        <FormField htmlFor="refer-contact" label={t('toekomst.refer.contact')}>
          <TextInput
            id="refer-contact"
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            autoComplete="off"
            invalid={errors.some((x) => x.field === 'contact')}
          />
          {errorFor('contact')}
        </FormField>
        <FormField htmlFor="refer-note" label={t('toekomst.refer.note')}>
          <TextArea
            id="refer-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
          />
          {errorFor('referralNote')}
        </FormField>
        <FormField htmlFor="refer-consent" label={t('toekomst.refer.consent')} type="checkbox">
          <Checkbox
            id="refer-consent"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
          />
        </FormField>
        {errorFor('consent')}
        <Button type="submit" disabled={busy}>
          {own ? t('toekomst.refer.ownSubmit') : t('toekomst.refer.submit')}
        </Button>
        {failed && (
          <Notice type="error" role="alert">
            {t('toekomst.saveFailed')}
          </Notice>
        )}
      </form>
    </div>
  );
}
