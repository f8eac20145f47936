import type { ReactNode } from 'react';
import { CatalogueGate } from '../components/catalogue-gate';
import { Notice } from '../components/notice';
import { Heading } from '../components/typography';
import { RequireSession } from './require-session';
import { useSession } from './use-session';

/**
 * A screen for coordinators and beheerders that holds no resident's data (figures, the
 * vroegsignalen import): signed in, no PIN vault. Others are told plainly it is not theirs; the
 * server checks the role on every request as well.
 */
export function CoordinatorGate({
  title,
  refusal,
  children,
}: {
  title: string;
  refusal: string;
  children: ReactNode;
}) {
  return (
    <RequireSession>
      <CoordinatorOrBeheerder title={title} refusal={refusal}>
        {children}
      </CoordinatorOrBeheerder>
    </RequireSession>
  );
}

function CoordinatorOrBeheerder({
  title,
  refusal,
  children,
}: {
  title: string;
  refusal: string;
  children: ReactNode;
}) {
  const session = useSession();
  if (!session) return null;
  if (session.user.role !== 'coordinator' && session.user.role !== 'beheerder') {
    return (
      <div className="narrow">
        <Heading level={1}>{title}</Heading>
        <Notice role="status">{refusal}</Notice>
      </div>
    );
  }
  return <CatalogueGate>{children}</CatalogueGate>;
}
