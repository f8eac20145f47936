import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';

import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import type {
  ConflictChoice,
  ConflictItem,
  DifferenceGroup,
  RejectedItem,
  ResolveOutcome,
} from '../../data/sync/resolve';
import {
  DELETED_FIELD,
  discardRejected,
  listDifferences,
  resolveConflict,
  retryRejected,
} from '../../data/sync/resolve';
import { paths } from '../paths';
import './differences.css';
import { OutcomeMessage, type OutcomeMessageValue } from '../components/outcome-message';
import { currentFormat } from '../i18n/format';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

type Message = OutcomeMessageValue;
type Loaded = { ok: true; groups: DifferenceGroup[] } | { ok: false };

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : currentFormat().dateTime(iso);
}

function fieldLabel(t: TFunction, field: string): string {
  const name = field.startsWith('data.') ? field.slice('data.'.length) : field;
  return t(`conflicts.field.${name}`, { defaultValue: name });
}

function recordTitle(t: TFunction, group: DifferenceGroup): string {
  const { label } = group;
  if (group.entityType === 'signal') {
    const category = label.category
      ? t(`signals.category.${label.category}`, { defaultValue: label.category })
      : t('conflicts.record.unknownCategory');
    return label.residentName
      ? t('conflicts.record.signalNamed', { category, name: label.residentName })
      : t('conflicts.record.signal', { category });
  }
  if (group.entityType === 'toekomst') {
    return t('conflicts.record.toekomst', {
      name: label.residentName ?? t('conflicts.record.unknownCategory'),
    });
  }
  if (!label.status) return t('conflicts.record.checkNoStatus');
  const status = t(`conflicts.checkStatus.${label.status}`, { defaultValue: label.status });
  return t('conflicts.record.check', { status });
}

function recordHref(group: DifferenceGroup): string {
  if (group.entityType === 'toekomst') return paths.trajectory.href(group.entityId);
  return group.entityType === 'signal'
    ? paths.signal.href(group.entityId)
    : paths.check.href(group.entityId);
}

/** One value in words: text as is, yes/no, and an object as "name: value" lines. */
function ValueView({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') {
    return <span className="muted">{t('conflicts.value.empty')}</span>;
  }
  if (typeof value === 'boolean') {
    return <span>{value ? t('conflicts.value.yes') : t('conflicts.value.no')}</span>;
  }
  if (typeof value !== 'object') return <span>{String(value)}</span>;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i + 1), v] as const)
    : Object.entries(value);
  if (entries.length === 0) return <span className="muted">{t('conflicts.value.empty')}</span>;
  return (
    <ul className="difference-lines">
      {entries.map(([k, v]) => (
        <li key={k}>
          {fieldLabel(t, k)}: <ValueView value={v} />
        </li>
      ))}
    </ul>
  );
}

interface Actions {
  busy: boolean;
  run: (action: () => Promise<ResolveOutcome>, done: string) => Promise<void>;
}

/**
 * Both kinds of conflict end alike: when it was seen, then "keep the server's" first and the
 * other choice (passed as children) after it.
 */
function ConflictFooter({
  item,
  actions,
  keepLabel,
  children,
}: {
  item: ConflictItem;
  actions: Actions;
  keepLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph className="muted">
        {t('conflicts.conflict.seenAt', { date: formatDate(item.createdAt) })}
      </Paragraph>
      <div className="difference-buttons">
        <Button
          disabled={actions.busy}
          onClick={() =>
            void actions.run(
              () => resolveConflict(item.id, 'keepServer'),
              t('conflicts.done.keptServer'),
            )
          }
        >
          {keepLabel}
        </Button>
        {children}
      </div>
    </>
  );
}

function ConflictView({ item, actions }: { item: ConflictItem; actions: Actions }) {
  const { t } = useTranslation();
  const choose = (choice: ConflictChoice, done: string) =>
    void actions.run(() => resolveConflict(item.id, choice), done);

  if (item.field === DELETED_FIELD) {
    // The record was kept either way; the worker decides whether it should go after all.
    return (
      <div className="difference-item">
        <Paragraph>
          {item.clientValue === true
            ? t('conflicts.conflict.deletedByMe')
            : t('conflicts.conflict.deletedByOther')}
        </Paragraph>
        <ConflictFooter
          item={item}
          actions={actions}
          keepLabel={t('conflicts.conflict.keepRecord')}
        >
          <Button
            purpose="secondary"
            disabled={actions.busy}
            onClick={() => choose('deleteRecord', t('conflicts.done.deleted'))}
          >
            {t('conflicts.conflict.deleteRecord')}
          </Button>
        </ConflictFooter>
      </div>
    );
  }

  const label = fieldLabel(t, item.field);
  return (
    <div className="difference-item">
      <Heading level={3}>{t('conflicts.field.label', { field: label })}</Heading>
      <Paragraph>{t('conflicts.conflict.explain')}</Paragraph>
      {item.readable ? (
        <dl className="facts">
          <dt>{t('conflicts.conflict.server')}</dt>
          <dd>
            <ValueView value={item.serverValue} />
          </dd>
          <dt>{t('conflicts.conflict.mine')}</dt>
          <dd>
            <ValueView value={item.clientValue} />
          </dd>
        </dl>
      ) : (
        <Notice type="warning">{t('conflicts.value.unreadable')}</Notice>
      )}
      <ConflictFooter item={item} actions={actions} keepLabel={t('conflicts.conflict.keepServer')}>
        {item.readable && (
          <Button
            purpose="secondary"
            disabled={actions.busy}
            onClick={() => choose('useMine', t('conflicts.done.usedMine'))}
          >
            {t('conflicts.conflict.useMine')}
          </Button>
        )}
      </ConflictFooter>
    </div>
  );
}

function RejectedView({ item, actions }: { item: RejectedItem; actions: Actions }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="difference-item">
      <Heading level={3}>{t(`conflicts.rejected.what.${item.op}`)}</Heading>
      {item.values && <ValueView value={item.values} />}
      <Paragraph>{t('conflicts.rejected.explain')}</Paragraph>
      <Paragraph>
        <strong>{t('conflicts.rejected.reasonLabel')}</strong>{' '}
        {t(`conflicts.rejected.reason.${item.reason}`, {
          defaultValue: t('conflicts.rejected.reason.unknown'),
        })}
      </Paragraph>
      <Paragraph className="muted">
        {t('conflicts.rejected.at', { date: formatDate(item.rejectedAt) })}
      </Paragraph>
      {confirming ? (
        <Notice type="warning" role="group" aria-label={t('conflicts.rejected.discard')}>
          <Paragraph>{t('conflicts.rejected.confirmText')}</Paragraph>
          <div className="difference-buttons">
            <Button
              disabled={actions.busy}
              onClick={() =>
                void actions.run(
                  () => discardRejected(item.mutationId, { confirmed: true }),
                  t('conflicts.done.discarded'),
                )
              }
            >
              {t('conflicts.rejected.confirmDiscard')}
            </Button>
            <Button purpose="secondary" onClick={() => setConfirming(false)}>
              {t('conflicts.rejected.cancel')}
            </Button>
          </div>
        </Notice>
      ) : (
        <div className="difference-buttons">
          {item.readable && (
            <Button
              disabled={actions.busy}
              onClick={() =>
                void actions.run(() => retryRejected(item.mutationId), t('conflicts.done.retried'))
              }
            >
              {t('conflicts.rejected.retry')}
            </Button>
          )}
          <Button purpose="secondary" disabled={actions.busy} onClick={() => setConfirming(true)}>
            {t('conflicts.rejected.discard')}
          </Button>
        </div>
      )}
    </div>
  );
}

function GroupView({ group, actions }: { group: DifferenceGroup; actions: Actions }) {
  const { t } = useTranslation();
  const headingId = `difference-${group.entityType}-${group.entityId}`;
  return (
    <section aria-labelledby={headingId} className="difference-group">
      <Heading level={2} id={headingId}>
        {recordTitle(t, group)}
      </Heading>
      {group.onDevice ? (
        <Paragraph>
          <AppLink to={recordHref(group)}>
            {group.entityType === 'signal'
              ? t('conflicts.record.openSignal')
              : group.entityType === 'toekomst'
                ? t('conflicts.record.openToekomst')
                : t('conflicts.record.openCheck')}
          </AppLink>
        </Paragraph>
      ) : (
        <Paragraph className="muted">{t('conflicts.record.notOnDevice')}</Paragraph>
      )}
      {group.conflicts.map((item) => (
        <ConflictView key={item.id} item={item} actions={actions} />
      ))}
      {group.rejected.map((item) => (
        <RejectedView key={item.mutationId} item={item} actions={actions} />
      ))}
    </section>
  );
}

/**
 * Conflicts and refused writes, per record, in plain words: the worker chooses which value
 * stays, sends a refused change again or throws it away after confirming. Works offline: every
 * choice is stored on the device and goes out with the next sync.
 */
export function DifferencesPage() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  // Which rows there are, watched live (this tab, other tabs, a sync); the decryption runs
  // outside the live query, so its results are never cloned or cached by Dexie.
  const stamp = useLiveQuery(async () => {
    const database = db();
    const [conflicts, rejected] = await Promise.all([
      database.conflicts.toCollection().primaryKeys(),
      database.rejected.toCollection().primaryKeys(),
    ]);
    return [...conflicts, '|', ...rejected].join(',');
  }, []);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    if (stamp === undefined) return;
    let current = true;
    listDifferences(db()).then(
      (groups) => {
        if (current) setLoaded({ ok: true, groups });
      },
      () => {
        // Locked meanwhile or unreadable storage: say so instead of breaking the page.
        if (current) setLoaded({ ok: false });
      },
    );
    return () => {
      current = false;
    };
  }, [stamp]);

  async function run(action: () => Promise<ResolveOutcome>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await action();
      setMessage(
        outcome.ok
          ? { kind: 'ok', text: done }
          : { kind: 'error', text: t(`conflicts.problem.${outcome.problem}`) },
      );
    } catch {
      setMessage({ kind: 'error', text: t('conflicts.problem.failed') });
    } finally {
      setBusy(false);
    }
  }
  const actions: Actions = { busy, run };

  return (
    <div className="narrow">
      <Heading level={1}>{t('conflicts.title')}</Heading>
      <Paragraph>{t('conflicts.intro')}</Paragraph>
      <OutcomeMessage message={message} />
      {loaded === undefined && (
        <Paragraph role="status" className="muted">
          {t('conflicts.loading')}
        </Paragraph>
      )}
      {loaded?.ok === false && <Notice type="error">{t('conflicts.loadFailed')}</Notice>}
      {loaded?.ok && loaded.groups.length === 0 && <Paragraph>{t('conflicts.empty')}</Paragraph>}
      {loaded?.ok &&
        loaded.groups.map((group) => (
          <GroupView
            key={`${group.entityType}:${group.entityId}`}
            group={group}
            actions={actions}
          />
        ))}
      <Paragraph>
        <AppLink to={paths.account.href()}>{t('conflicts.backToAccount')}</AppLink>
      </Paragraph>
    </div>
  );
}
