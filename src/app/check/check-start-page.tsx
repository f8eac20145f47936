import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CheckVariant } from '../../domain/check/question-schema';
import { LockedError } from '../../data/crypto/errors';
import { variantsForRole } from '../../data/repositories/checks';
import { startCheck } from '../../data/repositories/check-start';
import { checkStartFor, getLifeEvent } from '../../domain/life-events/life-events';
import { isLifeEventId } from '../../domain/life-events/schema';
import { useFormat } from '../i18n/format';
import { currentSession } from '../../data/sync/session-store';
import { paths } from '../paths';
import { useVaultStatus } from './use-check';
import './check.css';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { Fieldset, RadioButton } from '../components/form-field';
import { ConsentReadOut, WijkField, type ConsentPoint } from './check-start-fields';

const CONSENT_POINTS: readonly ConsentPoint[] = ['what', 'why', 'noName', 'skip', 'stop', 'where'];

/**
 * Consent comes first: the worker reads out what is recorded and why, and that the resident may
 * skip any question or stop at any time. Without consent nothing is stored; the worker can still
 * look up regelingen together with the resident.
 */
export function CheckStartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { language } = useFormat();
  const [params] = useSearchParams();
  // Started from a life event ("Is er iets veranderd in uw leven?"): its topics and answers.
  const asked = params.get('gebeurtenis');
  const lifeEvent = isLifeEventId(asked) ? getLifeEvent(asked) : undefined;
  const vault = useVaultStatus();
  const [variants, setVariants] = useState<CheckVariant[]>(['short']);
  const [variant, setVariant] = useState<CheckVariant>('short');
  const [wijk, setWijk] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'locked' | 'failed'>();

  useEffect(() => {
    let cancelled = false;
    currentSession().then(
      (session) => {
        if (cancelled) return;
        const allowed = variantsForRole(session?.user.role);
        setVariants(allowed);
        setVariant(allowed[0] ?? 'short');
        const own = session?.user.wijken ?? [];
        if (own.length === 1 && own[0]) setWijk(own[0]);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  async function start(e: React.FormEvent) {
    e.preventDefault();
    if (!consent) return;
    setBusy(true);
    setError(undefined);
    try {
      const fromEvent = lifeEvent ? checkStartFor(lifeEvent.id) : undefined;
      const id = await startCheck({
        variant,
        consentGiven: true,
        wijk: wijk || undefined,
        lifeEvent: fromEvent,
      });
      const first = fromEvent?.topics[0];
      await navigate(first ? paths.checkTopic.href(id, first) : paths.check.href(id));
    } catch (err) {
      setError(err instanceof LockedError ? 'locked' : 'failed');
      setBusy(false);
    }
  }

  return (
    <div className="narrow-wide">
      <Paragraph className="eyebrow">{t('checkUi.title')}</Paragraph>
      <Heading level={1}>{t('checkUi.start.title')}</Heading>
      <Paragraph purpose="lead">{t('checkUi.start.intro')}</Paragraph>
      <Notice>{t('checkUi.start.notFormal')}</Notice>
      {lifeEvent ? (
        <Notice type="ok" data-testid="check-from-life-event">
          {t('lifeEvents.fromEvent', { event: lifeEvent.title[language] })}{' '}
          {t('lifeEvents.presetNote')}
        </Notice>
      ) : (
        <Paragraph>
          <AppLink to={paths.lifeEvents.href()}>{t('lifeEvents.fromCheck')}</AppLink>
        </Paragraph>
      )}
      <form className="form" autoComplete="off" onSubmit={(e) => void start(e)}>
        <section aria-labelledby="consent-heading" className="consent">
          <Heading level={2} id="consent-heading">
            {t('checkUi.consent.title')}
          </Heading>
          <ConsentReadOut
            points={CONSENT_POINTS}
            agreeLabel={t('checkUi.consent.agree')}
            consent={consent}
            onConsent={setConsent}
          />
          <Paragraph className="muted small">
            {t('checkUi.consent.noConsent')}{' '}
            <AppLink to={paths.regelingen.href()}>{t('checkUi.consent.noConsentLink')}</AppLink>
          </Paragraph>
        </section>

        {variants.length > 1 ? (
          <Fieldset className="question" legend={t('checkUi.start.variant')}>
            <div className="choices">
              {variants.map((v) => (
                <label key={v} className="choice">
                  <RadioButton
                    name="variant"
                    value={v}
                    checked={variant === v}
                    onChange={() => setVariant(v)}
                  />
                  <span>{t(`checkUi.variant.${v}`)}</span>
                </label>
              ))}
            </div>
          </Fieldset>
        ) : (
          <Paragraph>
            {t('checkUi.start.variantFixed', { variant: t(`checkUi.variant.${variant}`) })}
          </Paragraph>
        )}

        <WijkField
          id="check-wijk"
          value={wijk}
          hint={t('checkUi.start.wijkHint')}
          onChange={setWijk}
        />

        {(error || vault === 'locked' || vault === 'no-pin') && (
          <Notice type="error" role="alert">
            {error === 'failed' ? t('checkUi.save.failed') : t('checkUi.load.locked')}
          </Notice>
        )}
        <Button type="submit" className="button-large" disabled={!consent || busy}>
          {t('checkUi.start.begin')}
        </Button>
      </form>
    </div>
  );
}
