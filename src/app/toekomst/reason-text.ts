import type { TFunction } from 'i18next';
import type { MatchReason } from '../../domain/toekomst/matching';
import { offerById } from '../../domain/toekomst/offers';

/** One reason of a proposal in words. */
export function reasonText(t: TFunction, reason: MatchReason): string {
  switch (reason.code) {
    case 'wish':
      return t('toekomst.reason.wish', { wish: t(`toekomst.wish.${reason.wish}`) });
    case 'tackles':
      return t('toekomst.reason.tackles', { barrier: t(`toekomst.barrier.${reason.barrier}`) });
    case 'ownPace':
      return reason.hoursPerWeek === null
        ? t('toekomst.reason.ownPace')
        : t('toekomst.reason.ownPaceHours', { hours: reason.hoursPerWeek });
    case 'hoursUnknown':
      return t('toekomst.reason.hoursUnknown');
    case 'noDiploma':
      return t('toekomst.reason.noDiploma');
    case 'notYet':
      return t('toekomst.reason.notYet', { note: reason.note });
    case 'alternative':
      return t('toekomst.reason.alternative', {
        name: offerById(reason.forOffer)?.name ?? reason.forOffer,
      });
  }
}
