import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { referralsFrom } from '../../data/repositories/toekomst';
import { paths } from '../paths';
import { log } from '../../data/log';
import { useSession } from '../session/use-session';
import { ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

/**
 * On a check outcome with a work wish, or a signal about werk en inkomen: refer the resident to
 * the toekomstmakelaars in one tap, and afterwards see whether it was picked up. Only the status
 * comes back; the toekomstgesprek stays with the toekomstmakelaars.
 */
export function ToekomstReferralCard({
  source,
  sourceId,
  wijk,
}: {
  source: 'check' | 'signaal';
  sourceId: string;
  wijk: string | undefined;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const userId = session?.user.id;
  const referrals = useLiveQuery(async () => {
    if (!userId) return [];
    try {
      return await referralsFrom(sourceId, userId);
    } catch (e) {
      log.warn('toekomst.referrals-failed', { error: e instanceof Error ? e.name : 'unknown' });
      return [];
    }
  }, [sourceId, userId]);
  return (
    <Notice className="toekomst-referral" data-testid="toekomst-referral">
      <Heading level={3}>{t('toekomst.refer.cardTitle')}</Heading>
      {referrals && referrals.length > 0 ? (
        <ul>
          {referrals.map((r) => (
            <li key={r.id} data-status={r.status}>
              {r.status === 'verwezen'
                ? t('toekomst.refer.waiting')
                : t('toekomst.refer.pickedUp', { status: t(`toekomst.status.${r.status}`) })}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <Paragraph>{t('toekomst.refer.cardText')}</Paragraph>
          <ButtonLink to={paths.toekomstRefer.href({ bron: source, id: sourceId, wijk })}>
            {t('toekomst.refer.cardAction')}
          </ButtonLink>
        </>
      )}
    </Notice>
  );
}
