import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createSignal, lastSignalWijk, readSignal } from '../../data/repositories/signals';
import { StorageFullError } from '../../data/lock/storage';
import type { SignalCategoryId } from '../../domain/signals/categories';
import { SIGNAL_CATEGORIES, isSignalCategoryId } from '../../domain/signals/categories';
import type { HandoverTarget } from '../../domain/signals/handover';
import type {
  Consent,
  ContactWay,
  SignalField,
  SignalFieldError,
  Urgency,
} from '../../domain/signals/signal-schema';
import { CONTACT_WAYS, URGENCIES, defaultDueDate } from '../../domain/signals/signal-schema';
import { canCreate } from '../../domain/sync/scope';
import { paths } from '../paths';
import type { SignalSetup } from './use-signal-context';
import { SignalSetupPending } from './signal-setup-pending';
import { useSignalSetup } from './use-signal-context';
import './signals.css';
import { PersonalTextArea } from '../components/personal-text-area';
import { ExternalLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { Fieldset, FormField, RadioButton, SelectInput, TextInput } from '../components/form-field';
import { localDate } from '../../domain/calendar';

const SUPPORT = SIGNAL_CATEGORIES.filter((c) => c.route === 'support');
const SAFETY = SIGNAL_CATEGORIES.filter((c) => c.route === 'safety');

/** `?urgentie=` from a check outcome; anything else falls back to normaal. */
function pickUrgency(value: string | null): Urgency {
  return URGENCIES.find((u) => u === value) ?? 'normaal';
}

/**
 * "Signaal vastleggen": one screen, big targets, sensible defaults (wijk from the last signal,
 * due date from the urgency, the wijkteam as receiver for a volunteer), so a worker logs a
 * signal in half a minute. Can be opened prefilled from a check outcome
 * (`/signalen/nieuw?categorie=…&wijk=…&check=…`).
 */
export function NewSignalPage() {
  const { t } = useTranslation();
  const setup = useSignalSetup();
  if (!setup) return <SignalSetupPending setup={setup} />;
  const scopeUser = { ...setup.worker, organisationId: null, wijken: [...setup.worker.wijken] };
  if (!canCreate(scopeUser, setup.worker.wijken[0] ?? null)) {
    return <Notice>{t('signals.needRole')}</Notice>;
  }
  return <NewSignalForm setup={setup} />;
}

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <FormField
      htmlFor={id}
      label={label}
      description={hint}
      descriptionId={`${id}-hint`}
      error={error}
      errorId={`${id}-error`}
      quietError
    >
      {children}
    </FormField>
  );
}

/** One radio option as an Utrecht form field, with its label after the button. */
function Choice({
  id,
  name,
  value,
  checked,
  onChange,
  children,
}: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <FormField htmlFor={id} label={children} type="radio">
      <RadioButton id={id} name={name} value={value} checked={checked} onChange={onChange} />
    </FormField>
  );
}

function describedBy(id: string, error: string | undefined, hint?: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function defaultReceiver(setup: SignalSetup, wijk: string): string {
  // A volunteer hands over to the wijkteam of the wijk; a professional picks it up herself.
  if (setup.worker.role !== 'vrijwilliger') return '';
  const team = setup.directory.teams.find(
    (t) =>
      t.organisationId === 'sociaal-wijkteam' && (t.wijken.length === 0 || t.wijken.includes(wijk)),
  );
  return team ? team.id : '';
}

function NewSignalForm({ setup }: { setup: SignalSetup }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const today = localDate(new Date());
  const prefillCategory = params.get('categorie');
  const prefillWijk = params.get('wijk');
  const initialUrgency = pickUrgency(params.get('urgentie'));

  const [category, setCategory] = useState<SignalCategoryId | ''>(
    isSignalCategoryId(prefillCategory) ? prefillCategory : '',
  );
  const [wijk, setWijk] = useState(
    prefillWijk && setup.wijken.some((w) => w.id === prefillWijk)
      ? prefillWijk
      : (setup.worker.wijken[0] ?? ''),
  );
  const [buurt, setBuurt] = useState('');
  const [urgency, setUrgency] = useState<Urgency>(initialUrgency);
  const [dueAt, setDueAt] = useState(defaultDueDate(today, initialUrgency));
  // From an outreach visit: the worker has just asked the resident's consent (visit screen).
  const fromSignal = params.get('signaal');
  const [consent, setConsent] = useState<Consent | ''>(
    fromSignal && params.get('toestemming') === 'ja' ? 'gegeven' : '',
  );
  const [consentReason, setConsentReason] = useState('');
  const [residentName, setResidentName] = useState('');
  const [contactWay, setContactWay] = useState<ContactWay>(fromSignal ? 'adres' : 'telefoon');
  const [contactValue, setContactValue] = useState('');

  // The visit's address is the way to reach her; read from the device, never put in the URL.
  useEffect(() => {
    if (!fromSignal) return;
    let active = true;
    readSignal(fromSignal).then(
      (linked) => {
        const address = linked?.data?.contactValue;
        if (active && address) setContactValue((v) => v || address);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [fromSignal]);
  const [note, setNote] = useState('');
  const [receiver, setReceiver] = useState(() => defaultReceiver(setup, wijk));
  const [errors, setErrors] = useState<SignalFieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<'full' | 'other' | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const wijkTouched = useRef(prefillWijk !== null);

  // The wijk of the last signal is the likeliest one for the next (a worker works in one place a day).
  useEffect(() => {
    let active = true;
    void lastSignalWijk().then((last) => {
      if (active && last && !wijkTouched.current && setup.wijken.some((w) => w.id === last)) {
        setWijk(last);
        setReceiver(defaultReceiver(setup, last));
      }
    });
    return () => {
      active = false;
    };
  }, [setup]);

  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);

  const errorFor = (field: SignalField) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(`signals.error.${e.code}`, { defaultValue: e.message }) : undefined;
  };

  function chooseUrgency(next: Urgency) {
    setUrgency(next);
    setDueAt(defaultDueDate(today, next));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(null);
    setSaving(true);
    const handoverTo: HandoverTarget | null = receiver ? { kind: 'team', id: receiver } : null;
    const input: Record<string, unknown> = {
      category: category || undefined,
      wijk,
      urgency,
      consent: consent || undefined,
      residentName,
      contactWay,
      contactValue,
      dueAt,
      handoverTo,
    };
    if (buurt) input.buurt = buurt;
    if (note.trim()) input.note = note;
    if (consent === 'zonder') input.consentReason = consentReason;
    const fromCheck = params.get('check');
    if (fromCheck) input.fromCheck = fromCheck;
    if (fromSignal) input.fromSignal = fromSignal;
    try {
      const result = await createSignal(input, setup.context);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors([]);
      void navigate(paths.signal.href(result.id), { replace: true });
    } catch (e) {
      // Locked vault or a full disk: the form keeps everything so nothing typed is lost.
      setFailed(e instanceof StorageFullError ? 'full' : 'other');
    } finally {
      setSaving(false);
    }
  }

  const selectedWijk = setup.wijken.find((w) => w.id === wijk);
  const isSafety = category === 'veiligheid';

  return (
    <>
      <Heading level={1}>{t('signals.newTitle')}</Heading>
      <Paragraph purpose="lead">{t('signals.newIntro')}</Paragraph>
      {params.get('check') && <Notice>{t('signals.fromCheck')}</Notice>}
      {fromSignal && <Notice>{t('signals.fromVisit')}</Notice>}
      {errors.length > 0 && (
        <Notice type="error" role="alert" tabIndex={-1} ref={summaryRef}>
          <Paragraph>{t('signals.errorSummary')}</Paragraph>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                <ExternalLink href={`#signal-${e.field}`}>
                  {t(`signals.error.${e.code}`, { defaultValue: e.message })}
                </ExternalLink>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {failed && (
        <Notice type="error" role="alert">
          {t(failed === 'full' ? 'signals.saveFailedFull' : 'signals.saveFailed')}
        </Notice>
      )}
      <form className="signal-form" autoComplete="off" onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset
          id="signal-category"
          legend={t('signals.category.legend')}
          describedBy={describedBy('signal-category', errorFor('category'))}
          invalid={Boolean(errorFor('category'))}
        >
          <ul className="signal-tiles">
            {SUPPORT.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="signal-tile"
                  aria-pressed={category === c.id}
                  onClick={() => setCategory(c.id)}
                >
                  {t(`signals.category.${c.id}`)}
                </button>
              </li>
            ))}
          </ul>
          {errorFor('category') && (
            <Paragraph className="field-error" id="signal-category-error">
              {errorFor('category')}
            </Paragraph>
          )}
        </Fieldset>

        <section className="signal-safety" aria-labelledby="signal-safety-title">
          <Heading level={2} id="signal-safety-title">
            {t('signals.safety.title')}
          </Heading>
          <Paragraph>{t('signals.safety.text')}</Paragraph>
          {SAFETY.map((c) => (
            <button
              key={c.id}
              type="button"
              className="signal-tile"
              aria-pressed={category === c.id}
              onClick={() => setCategory(c.id)}
            >
              {t('signals.safety.choose')}
            </button>
          ))}
          {isSafety && <Paragraph className="field-hint">{t('signals.safety.chosen')}</Paragraph>}
        </section>

        <Field id="signal-wijk" label={t('signals.field.wijk')} error={errorFor('wijk')}>
          <SelectInput
            id="signal-wijk"
            value={wijk}
            invalid={Boolean(errorFor('wijk'))}
            aria-describedby={describedBy('signal-wijk', errorFor('wijk'))}
            onChange={(e) => {
              wijkTouched.current = true;
              setWijk(e.target.value);
              setBuurt('');
              setReceiver(defaultReceiver(setup, e.target.value));
            }}
          >
            <option value="">{t('signals.field.choose')}</option>
            {setup.wijken.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectInput>
        </Field>
        {selectedWijk && selectedWijk.buurten.length > 0 && (
          <Field id="signal-buurt" label={t('signals.field.buurt')}>
            <SelectInput id="signal-buurt" value={buurt} onChange={(e) => setBuurt(e.target.value)}>
              <option value="">{t('signals.field.buurtNone')}</option>
              {selectedWijk.buurten.map((b) => (
                <option key={b.id} value={b.name}>
                  {b.name}
                </option>
              ))}
            </SelectInput>
          </Field>
        )}

        <Fieldset id="signal-urgency" legend={t('signals.field.urgency')}>
          <div className="choice-row">
            {URGENCIES.map((u) => (
              <Choice
                key={u}
                id={`signal-urgency-${u}`}
                name="urgency"
                value={u}
                checked={urgency === u}
                onChange={() => chooseUrgency(u)}
              >
                {t(`signals.urgency.${u}`)}{' '}
                <span className="muted small">({t(`signals.urgencyHint.${u}`)})</span>
              </Choice>
            ))}
          </div>
        </Fieldset>
        <Field id="signal-dueAt" label={t('signals.field.dueAt')} error={errorFor('dueAt')}>
          <TextInput
            id="signal-dueAt"
            type="date"
            value={dueAt}
            invalid={Boolean(errorFor('dueAt'))}
            min={today}
            aria-describedby={describedBy('signal-dueAt', errorFor('dueAt'))}
            onChange={(e) => setDueAt(e.target.value)}
          />
        </Field>

        <Fieldset
          id="signal-consent"
          legend={t('signals.field.consent')}
          describedBy={describedBy('signal-consent', errorFor('consent'))}
          invalid={Boolean(errorFor('consent'))}
        >
          <div className="choice-row">
            {(['gegeven', 'zonder'] as const).map((c) => (
              <Choice
                key={c}
                id={`signal-consent-${c}`}
                name="consent"
                value={c}
                checked={consent === c}
                onChange={() => setConsent(c)}
              >
                {t(`signals.consent.${c}`)}
              </Choice>
            ))}
          </div>
          {errorFor('consent') && (
            <Paragraph className="field-error" id="signal-consent-error">
              {errorFor('consent')}
            </Paragraph>
          )}
        </Fieldset>
        {consent === 'zonder' && (
          <Field
            id="signal-consentReason"
            label={t('signals.field.consentReason')}
            error={errorFor('consentReason')}
          >
            <PersonalTextArea
              className="utrecht-textarea utrecht-textarea--html-textarea"
              id="signal-consentReason"
              value={consentReason}
              rows={2}
              aria-describedby={describedBy('signal-consentReason', errorFor('consentReason'))}
              onChange={(e) => setConsentReason(e.target.value)}
            />
          </Field>
        )}

        <Field
          id="signal-residentName"
          label={t('signals.field.residentName')}
          hint={t('signals.field.residentNameHint')}
          error={errorFor('residentName')}
        >
          <TextInput
            id="signal-residentName"
            type="text"
            value={residentName}
            invalid={Boolean(errorFor('residentName'))}
            autoComplete="off"
            aria-describedby={describedBy('signal-residentName', errorFor('residentName'), true)}
            onChange={(e) => setResidentName(e.target.value)}
          />
        </Field>
        <Fieldset id="signal-contactWay" legend={t('signals.field.contactWay')}>
          <div className="choice-row">
            {CONTACT_WAYS.map((w) => (
              <Choice
                key={w}
                id={`signal-contactWay-${w}`}
                name="contactWay"
                value={w}
                checked={contactWay === w}
                onChange={() => setContactWay(w)}
              >
                {t(`signals.contactWay.${w}`)}
              </Choice>
            ))}
          </div>
        </Fieldset>
        <Field
          id="signal-contactValue"
          label={t('signals.field.contactValue')}
          error={errorFor('contactValue')}
        >
          <TextInput
            id="signal-contactValue"
            type={contactWay === 'telefoon' ? 'tel' : contactWay === 'e-mail' ? 'email' : 'text'}
            value={contactValue}
            invalid={Boolean(errorFor('contactValue'))}
            autoComplete="off"
            aria-describedby={describedBy('signal-contactValue', errorFor('contactValue'))}
            onChange={(e) => setContactValue(e.target.value)}
          />
        </Field>

        <Field
          id="signal-note"
          label={t('signals.field.note')}
          hint={t('signals.field.noteHint')}
          error={errorFor('note')}
        >
          <PersonalTextArea
            className="utrecht-textarea utrecht-textarea--html-textarea"
            id="signal-note"
            value={note}
            rows={3}
            maxLength={500}
            aria-describedby={describedBy('signal-note', errorFor('note'), true)}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>

        <Field
          id="signal-handoverTo"
          label={t('signals.field.handoverTo')}
          error={errorFor('handoverTo')}
        >
          <SelectInput
            id="signal-handoverTo"
            value={receiver}
            invalid={Boolean(errorFor('handoverTo'))}
            aria-describedby={describedBy('signal-handoverTo', errorFor('handoverTo'))}
            onChange={(e) => setReceiver(e.target.value)}
          >
            <option value="">{t('signals.field.handoverSelf')}</option>
            {setup.directory.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </SelectInput>
        </Field>

        <div>
          <Button type="submit" disabled={saving}>
            {saving ? t('signals.saving') : t('signals.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
