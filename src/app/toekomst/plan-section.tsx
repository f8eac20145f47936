import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToekomstWorker, Trajectory } from '../../data/repositories/toekomst';
import { recordHandover, recordStep } from '../../data/repositories/toekomst';
import type { PlanStep, StepStatus } from '../../domain/toekomst/plan';
import { nextStepStatuses } from '../../domain/toekomst/plan';
import { offerById } from '../../domain/toekomst/offers';
import { useCatalogue } from '../use-catalogue';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';
import { Checkbox, FormField, SelectInput, TextArea, TextInput } from '../components/form-field';

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The plan: each step with its history (who, when), its due date, and what can happen next. */
export function PlanSection({
  trajectory,
  worker,
}: {
  trajectory: Trajectory;
  worker: ToekomstWorker;
}) {
  const { t } = useTranslation();
  const { steps } = trajectory.plan;
  return (
    <section aria-labelledby="plan-heading">
      <Heading level={2} id="plan-heading">
        {t('toekomst.plan.title')}
      </Heading>
      {steps.length === 0 ? (
        <Paragraph className="muted">{t('toekomst.plan.empty')}</Paragraph>
      ) : (
        <ul className="card-list">
          {steps.map((step) => (
            <StepCard key={step.id} step={step} trajectory={trajectory} worker={worker} />
          ))}
        </ul>
      )}
    </section>
  );
}

function StepCard({
  step,
  trajectory,
  worker,
}: {
  step: PlanStep;
  trajectory: Trajectory;
  worker: ToekomstWorker;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const offer = offerById(step.offerId);
  const [to, setTo] = useState<StepStatus | ''>('');
  const [reason, setReason] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [message, setMessage] = useState('');
  const [handoverProblem, setHandoverProblem] = useState<string | null>(null);
  const uid = useId();
  const next = nextStepStatuses(step.status);
  const partner =
    catalogue.organisations.find((o) => o.id === offer?.handoverTo)?.name ?? offer?.handoverTo;

  async function move(e: FormEvent) {
    e.preventDefault();
    if (!to) return;
    setProblem(null);
    try {
      const request: Parameters<typeof recordStep>[1] = {
        stepId: step.id,
        offerId: step.offerId,
        to,
      };
      if (reason.trim()) request.reason = reason;
      if (dueAt) request.dueAt = dueAt;
      const result = await recordStep(trajectory.record.id, request, { worker });
      if (!result.ok) setProblem(result.problem);
      else {
        setTo('');
        setReason('');
        setDueAt('');
      }
    } catch {
      setProblem('failed');
    }
  }

  async function handOver(e: FormEvent) {
    e.preventDefault();
    setHandoverProblem(null);
    try {
      const result = await recordHandover(
        trajectory.record.id,
        { stepId: step.id, consent, message },
        { worker },
      );
      if (!result.ok) setHandoverProblem(result.problem);
      else {
        setMessage('');
        setConsent(false);
      }
    } catch {
      setHandoverProblem('failed');
    }
  }

  return (
    <li className="card" data-step={step.id} data-status={step.status}>
      <Heading level={3} className="card-title">
        {offer?.name ?? step.offerId}
      </Heading>
      <Paragraph>
        <strong>{t(`toekomst.step.${step.status}`)}</strong>
        {step.dueAt && <> · {t('toekomst.plan.due', { date: step.dueAt })}</>}
      </Paragraph>
      <ol className="small history">
        {step.history.map((h) => (
          <li key={h.eventId}>
            {formatDateTime(h.at)} — {t(`toekomst.step.${h.to}`)}
            {h.reason && <> ({h.reason})</>}
          </li>
        ))}
        {step.handovers.map((h) => (
          <li key={h.eventId}>
            {formatDateTime(h.at)} — {t('toekomst.plan.handedOver', { partner })}: {h.message}
          </li>
        ))}
      </ol>
      {next.length > 0 && (
        <form className="toekomst-step-form" onSubmit={(e) => void move(e)}>
          <FormField htmlFor={`${uid}-next`} label={t('toekomst.plan.next')}>
            <SelectInput
              id={`${uid}-next`}
              value={to}
              onChange={(e) => setTo(e.target.value as StepStatus | '')}
            >
              <option value="">{t('toekomst.plan.choose')}</option>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(`toekomst.step.${s}`)}
                </option>
              ))}
            </SelectInput>
          </FormField>
          {to === 'gestopt' && (
            <FormField htmlFor={`${uid}-reason`} label={t('toekomst.plan.reason')}>
              <TextInput
                id={`${uid}-reason`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </FormField>
          )}
          <FormField htmlFor={`${uid}-dueAt`} label={t('toekomst.plan.dueAt')}>
            <TextInput
              id={`${uid}-dueAt`}
              type="date"
              value={dueAt}
              onChange={(e) => setDueAt(e.target.value)}
            />
          </FormField>
          <Button purpose="secondary" type="submit" disabled={!to}>
            {t('toekomst.plan.save')}
          </Button>
          {problem && (
            <Paragraph role="alert" className="field-error">
              {t(`toekomst.problem.${problem}`)}
            </Paragraph>
          )}
        </form>
      )}
      {offer && step.status !== 'gestopt' && (
        <form className="toekomst-handover" onSubmit={(e) => void handOver(e)}>
          <Heading level={4}>{t('toekomst.plan.handoverTitle', { partner })}</Heading>
          <FormField htmlFor={`${uid}-message`} label={t('toekomst.plan.handoverMessage')}>
            <TextArea
              id={`${uid}-message`}
              rows={2}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          </FormField>
          <FormField
            htmlFor={`${uid}-consent`}
            label={t('toekomst.plan.handoverConsent', { partner })}
            type="checkbox"
          >
            <Checkbox
              id={`${uid}-consent`}
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
            />
          </FormField>
          <Button purpose="secondary" type="submit">
            {t('toekomst.plan.handover')}
          </Button>
          {handoverProblem && (
            <Paragraph role="alert" className="field-error">
              {t(`toekomst.problem.${handoverProblem}`)}
            </Paragraph>
          )}
        </form>
      )}
    </li>
  );
}
