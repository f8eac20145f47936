import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToekomstWorker, Trajectory } from '../../data/repositories/toekomst';
import { saveIntake } from '../../data/repositories/toekomst';
import type { FieldError } from '../../domain/toekomst/toekomst-schema';
import { TOEKOMST_ERRORS_NL } from '../../domain/toekomst/toekomst-schema';
import type { Barrier, Qualification, Wish } from '../../domain/toekomst/vocabulary';
import { BARRIERS, QUALIFICATIONS, WISHES } from '../../domain/toekomst/vocabulary';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import {
  Checkbox,
  Fieldset,
  FormField,
  SelectInput,
  TextArea,
  TextInput,
} from '../components/form-field';

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

/**
 * The toekomstgesprek: what she wants, what she brings, her time and what stands in the way.
 * Saved on the device (encrypted) and synced; nothing is saved while a field is wrong.
 */
export function IntakeForm({
  trajectory,
  worker,
}: {
  trajectory: Trajectory;
  worker: ToekomstWorker;
}) {
  const { t } = useTranslation();
  const saved = trajectory.intake;
  const [open, setOpen] = useState(saved === null);
  const [wishes, setWishes] = useState<Wish[]>(saved?.wishes ?? []);
  const [barriers, setBarriers] = useState<Barrier[]>(saved?.barriers ?? []);
  const [experience, setExperience] = useState(saved?.experience ?? '');
  const [skills, setSkills] = useState(saved?.skills ?? '');
  const [languages, setLanguages] = useState(saved?.languages ?? '');
  const [qualification, setQualification] = useState<Qualification>(
    saved?.qualification ?? 'onbekend',
  );
  const [licence, setLicence] = useState<'ja' | 'nee' | 'onbekend'>(
    saved?.drivingLicence === true ? 'ja' : saved?.drivingLicence === false ? 'nee' : 'onbekend',
  );
  const [hours, setHours] = useState(saved?.hoursPerWeek?.toString() ?? '');
  const [availability, setAvailability] = useState(saved?.availability ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  const uid = useId();
  const idFor = (field: string) => `${uid}-${field}`;

  if (!open) {
    return (
      <section aria-labelledby="intake-heading">
        <Heading level={2} id="intake-heading">
          {t('toekomst.intake.title')}
        </Heading>
        <Paragraph>
          {t('toekomst.intake.wishes')}:{' '}
          {saved?.wishes.map((w) => t(`toekomst.wish.${w}`)).join(', ')}
        </Paragraph>
        <Button purpose="secondary" onClick={() => setOpen(true)}>
          {t('toekomst.intake.edit')}
        </Button>
      </section>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('idle');
    const trimmedHours = hours.trim();
    const parsedHours = trimmedHours === '' ? null : Number(trimmedHours);
    const input: Record<string, unknown> = {
      wishes,
      barriers,
      qualification,
      drivingLicence: licence === 'onbekend' ? null : licence === 'ja',
      hoursPerWeek: parsedHours !== null && Number.isNaN(parsedHours) ? trimmedHours : parsedHours,
    };
    if (experience.trim()) input.experience = experience;
    if (skills.trim()) input.skills = skills;
    if (languages.trim()) input.languages = languages;
    if (availability.trim()) input.availability = availability;
    try {
      const result = await saveIntake(trajectory.record.id, input, { worker });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors([]);
      setStatus('saved');
      setOpen(false);
    } catch {
      setStatus('failed');
    }
  }

  const errorText = (field: string) => {
    const error = errors.find((x) => x.field === field);
    return error
      ? t(`toekomst.errors.${error.code}`, { defaultValue: TOEKOMST_ERRORS_NL[error.code] })
      : undefined;
  };
  const errorFor = (field: string) => {
    const text = errorText(field);
    return text ? <Paragraph className="field-error">{text}</Paragraph> : null;
  };
  /** The props that tie a control to its field's error. */
  const controlProps = (field: string) => ({
    id: idFor(field),
    invalid: Boolean(errorText(field)),
    'aria-describedby': errorText(field) ? `${idFor(field)}-error` : undefined,
  });
  const fieldProps = (field: string, label: string) => ({
    htmlFor: idFor(field),
    label,
    error: errorText(field),
    errorId: `${idFor(field)}-error`,
    quietError: true,
  });

  return (
    <section aria-labelledby="intake-heading">
      <Heading level={2} id="intake-heading">
        {t('toekomst.intake.title')}
      </Heading>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset legend={t('toekomst.intake.wishes')} invalid={Boolean(errorText('wishes'))}>
          {WISHES.map((w) => (
            <FormField
              key={w}
              type="checkbox"
              htmlFor={idFor(`wish-${w}`)}
              label={t(`toekomst.wish.${w}`)}
            >
              <Checkbox
                id={idFor(`wish-${w}`)}
                checked={wishes.includes(w)}
                onChange={() => setWishes(toggle(wishes, w))}
              />
            </FormField>
          ))}
          {errorFor('wishes')}
        </Fieldset>
        <Fieldset legend={t('toekomst.intake.brings')}>
          <FormField {...fieldProps('experience', t('toekomst.intake.experience'))}>
            <TextArea
              {...controlProps('experience')}
              rows={2}
              value={experience}
              onChange={(e) => setExperience(e.target.value)}
            />
          </FormField>
          <FormField {...fieldProps('skills', t('toekomst.intake.skills'))}>
            <TextArea
              {...controlProps('skills')}
              rows={2}
              value={skills}
              onChange={(e) => setSkills(e.target.value)}
            />
          </FormField>
          <FormField {...fieldProps('languages', t('toekomst.intake.languages'))}>
            <TextInput
              {...controlProps('languages')}
              value={languages}
              onChange={(e) => setLanguages(e.target.value)}
            />
          </FormField>
          <FormField htmlFor={idFor('qualification')} label={t('toekomst.intake.qualification')}>
            <SelectInput
              id={idFor('qualification')}
              value={qualification}
              onChange={(e) => setQualification(e.target.value as Qualification)}
            >
              {QUALIFICATIONS.map((q) => (
                <option key={q} value={q}>
                  {t(`toekomst.qualification.${q}`)}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField htmlFor={idFor('licence')} label={t('toekomst.intake.licence')}>
            <SelectInput
              id={idFor('licence')}
              value={licence}
              onChange={(e) => setLicence(e.target.value as 'ja' | 'nee' | 'onbekend')}
            >
              <option value="ja">{t('toekomst.yes')}</option>
              <option value="nee">{t('toekomst.no')}</option>
              <option value="onbekend">{t('toekomst.unknown')}</option>
            </SelectInput>
          </FormField>
        </Fieldset>
        <Fieldset legend={t('toekomst.intake.time')}>
          <FormField {...fieldProps('hoursPerWeek', t('toekomst.intake.hours'))}>
            <TextInput
              {...controlProps('hoursPerWeek')}
              inputMode="numeric"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
          </FormField>
          <FormField {...fieldProps('availability', t('toekomst.intake.availability'))}>
            <TextInput
              {...controlProps('availability')}
              value={availability}
              onChange={(e) => setAvailability(e.target.value)}
            />
          </FormField>
        </Fieldset>
        <Fieldset legend={t('toekomst.intake.barriers')}>
          {BARRIERS.map((b) => (
            <FormField
              key={b}
              type="checkbox"
              htmlFor={idFor(`barrier-${b}`)}
              label={t(`toekomst.barrier.${b}`)}
            >
              <Checkbox
                id={idFor(`barrier-${b}`)}
                checked={barriers.includes(b)}
                onChange={() => setBarriers(toggle(barriers, b))}
              />
            </FormField>
          ))}
        </Fieldset>
        <Button type="submit">{t('toekomst.intake.save')}</Button>
        {status === 'failed' && (
          <Notice type="error" role="alert">
            {t('toekomst.saveFailed')}
          </Notice>
        )}
      </form>
    </section>
  );
}
