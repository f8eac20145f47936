import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useParams } from 'react-router';
import type { SignalDetail } from '../../data/repositories/signals';
import { readSignal } from '../../data/repositories/signals';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';
import type { SignalSetup } from './use-signal-context';
import { useSignalSetup } from './use-signal-context';

/** The texts a screen about one signal shows before it can show the signal. */
export interface SignalScreenTexts {
  loading: string;
  needRole: string;
  locked: string;
  notFound: string;
}

/**
 * One signal of the route's `:id`, live from the device, for the detail and the visit screens:
 * it says "loading", "not your role", "locked" (nothing personal can be read) or "not here"
 * until there is a signal to show, then hands it over.
 */
export function SignalScreen({
  texts,
  children,
}: {
  texts: SignalScreenTexts;
  children: (detail: SignalDetail, setup: SignalSetup) => ReactNode;
}) {
  const { id = '' } = useParams();
  const setup = useSignalSetup();
  const detail = useLiveQuery(async () => {
    try {
      return (await readSignal(id)) ?? null;
    } catch {
      return 'locked' as const;
    }
  }, [id]);
  if (setup === undefined || detail === undefined) {
    return (
      <Paragraph role="status" className="muted">
        {texts.loading}
      </Paragraph>
    );
  }
  if (setup === null) return <Notice>{texts.needRole}</Notice>;
  if (detail === 'locked') return <Notice>{texts.locked}</Notice>;
  if (detail === null) return <Notice>{texts.notFound}</Notice>;
  return <>{children(detail, setup)}</>;
}
