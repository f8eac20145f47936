import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  checkRulesVersion,
  diffRulesVersions,
  missingNorms,
  type MissingNorms,
  type PublishedRulesVersion,
  type RulesChange,
  type RulesVersion,
} from '../../domain/eligibility/rules-version';
import { shippedRulesVersion } from '../../domain/eligibility/shipped-rules';
import { AdminRequestError, currentRules, publishRules } from '../../data/admin/admin-client';
import { useOnline } from '../components/online-status';
import { adminErrorText } from './admin-error-text';
import { AdminLoadStatus } from './admin-load-status';
import { useAdminLoad } from './use-admin-load';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';
import { FormField } from '../components/form-field';
import { localDate } from '../../domain/calendar';

const time = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

/** 2027-07-01 → "1-7-2027", as Dutch policy texts write a change date. */
function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
}

function euro(n: number | undefined): string {
  return n === undefined
    ? '—'
    : `€ ${n.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Today plus two months: a missing norm is worth a warning before the date, not only after it. */
function warningHorizon(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() + 2, now.getDate());
  return localDate(d);
}

function MissingWarnings({ missing }: { missing: MissingNorms[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  return (
    <Notice type="warning" role="alert" data-testid="rules-missing">
      <ul>
        {missing.map((m) => (
          <li key={`${m.table}-${m.validFrom}`}>
            {t(`admin.rules.missing.${m.table}`, { date: shortDate(m.validFrom) })}{' '}
            {t(`admin.rules.missingWhy.${m.why}`)}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function changeCells(t: TFunction, c: RulesChange): [string, string, string, string] {
  switch (c.kind) {
    case 'norm':
      return [
        t(`admin.rules.table.${c.table}`, {
          category: t(`admin.rules.category.${c.category}`, { defaultValue: c.category }),
        }),
        euro(c.before),
        euro(c.after),
        shortDate(c.validFrom),
      ];
    case 'pending':
      return [
        t(`admin.rules.pending.${c.change}`, {
          table: t(`admin.rules.tableName.${c.table}`),
        }),
        '',
        '',
        shortDate(c.validFrom),
      ];
    case 'aow-age':
      return [t('admin.rules.aowAge'), String(c.before), String(c.after), ''];
    case 'rule-added':
    case 'rule-removed':
      return [t(`admin.rules.${c.kind}`, { name: c.name }), '', '', ''];
    case 'threshold':
      return [`${c.name}: ${c.label}`, c.before, c.after, ''];
    case 'amount':
      return [`${c.name}: ${c.label}`, euro(c.before), euro(c.after), ''];
    case 'rule-changed':
      return [t(`admin.rules.changed.${c.what}`, { name: c.name }), '', '', ''];
  }
}

function RulesDiff({ before, after }: { before: RulesVersion; after: RulesVersion }) {
  const { t } = useTranslation();
  const changes = diffRulesVersions(before, after);
  if (changes.length === 0) return <Paragraph>{t('admin.rules.noChanges')}</Paragraph>;
  return (
    <Table className="admin-table" data-testid="rules-diff">
      <TableCaption>{t('admin.rules.diffCaption', { count: changes.length })}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('admin.rules.colWhat')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('admin.rules.colOld')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('admin.rules.colNew')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('admin.rules.colDate')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((c, i) => {
          const [what, old, next, date] = changeCells(t, c);
          return (
            <TableRow key={i}>
              <TableHeaderCell scope="row">{what}</TableHeaderCell>
              <TableCell>{old}</TableCell>
              <TableCell>{next}</TableCell>
              <TableCell>{date}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

type Chosen =
  | { name: string; problems: string[] }
  | { name: string; version: RulesVersion; label: string }
  | null;
type Outcome =
  | { kind: 'published'; label: string; created: boolean }
  | { kind: 'refused'; text: string; details: readonly string[] }
  | null;

/**
 * Which norms and rules the check uses on devices, and publishing a new version from a JSON file
 * (`{ "norms": …, "rules": … }`). The file is validated here with the schemas the server uses and
 * shown as a diff against the current version before anything is published; missing norms for a
 * change date are a warning on top.
 */
export function AdminRulesPage() {
  const { t } = useTranslation();
  const online = useOnline();
  const { state, reload } = useAdminLoad('rules', () => currentRules());
  const [chosen, setChosen] = useState<Chosen>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const current: PublishedRulesVersion | undefined =
    state.status === 'ready' ? (state.data.current ?? shippedRulesVersion) : undefined;
  const horizon = warningHorizon();

  async function choose(e: React.ChangeEvent<HTMLInputElement>) {
    setOutcome(null);
    const file = e.target.files?.[0];
    if (!file) {
      setChosen(null);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await file.text()) as unknown;
    } catch {
      setChosen({ name: file.name, problems: [t('admin.rules.notJson', { name: file.name })] });
      return;
    }
    const checked = checkRulesVersion(body);
    setChosen(
      checked.ok
        ? { name: file.name, version: checked.version, label: checked.label }
        : { name: file.name, problems: checked.errors },
    );
  }

  async function publish() {
    if (!chosen || !('version' in chosen)) return;
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await publishRules(chosen.version);
      setOutcome({ kind: 'published', label: answer.label, created: answer.created });
      setChosen(null);
      reload();
    } catch (error) {
      setOutcome({
        kind: 'refused',
        text: adminErrorText(t, error),
        details: error instanceof AdminRequestError ? error.details : [],
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Heading level={1}>{t('admin.rules.title')}</Heading>
      <Paragraph purpose="lead">{t('admin.rules.intro')}</Paragraph>
      <section aria-labelledby="rules-current">
        <Heading level={2} id="rules-current">
          {t('admin.rules.current')}
        </Heading>
        <AdminLoadStatus state={state} />
        {state.status === 'ready' && current && (
          <>
            <dl className="facts">
              <dt>{t('admin.rules.version')}</dt>
              <dd data-testid="rules-version">{current.label}</dd>
              <dt>{t('admin.rules.publishedAt')}</dt>
              <dd>
                {current.publishedAt
                  ? time.format(new Date(current.publishedAt))
                  : t('admin.rules.shipped')}
              </dd>
            </dl>
            <MissingWarnings missing={missingNorms(current.version.norms, horizon)} />
          </>
        )}
      </section>
      <section aria-labelledby="rules-publish">
        <Heading level={2} id="rules-publish">
          {t('admin.rules.publishTitle')}
        </Heading>
        <Paragraph>{t('admin.rules.publishIntro')}</Paragraph>
        <FormField htmlFor="rules-file" label={t('admin.rules.file')}>
          <input
            id="rules-file"
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => void choose(e)}
          />
        </FormField>
        {chosen && 'problems' in chosen && (
          <Notice type="error" role="alert">
            <Paragraph>{t('admin.rules.invalid')}</Paragraph>
            <ul>
              {chosen.problems.slice(0, 50).map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
          </Notice>
        )}
        {chosen && 'version' in chosen && current && (
          <section aria-labelledby="rules-preview" className="rules-preview">
            <Heading level={3} id="rules-preview">
              {t('admin.rules.preview', { from: current.label, to: chosen.label })}
            </Heading>
            <MissingWarnings missing={missingNorms(chosen.version.norms, horizon)} />
            <RulesDiff before={current.version} after={chosen.version} />
          </section>
        )}
        <Button
          disabled={!online || busy || !chosen || !('version' in chosen) || !current}
          onClick={() => void publish()}
        >
          {busy ? t('admin.busy') : t('admin.rules.publish')}
        </Button>
        {outcome?.kind === 'published' && (
          <Notice role="status">
            {outcome.created
              ? t('admin.rules.published', { label: outcome.label })
              : t('admin.rules.unchanged', { label: outcome.label })}
          </Notice>
        )}
        {outcome?.kind === 'refused' && (
          <Notice type="error" role="alert">
            <Paragraph>{outcome.text}</Paragraph>
            {outcome.details.length > 0 && (
              <ul>
                {outcome.details.map((d) => (
                  <li key={d}>
                    <code>{d}</code>
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        )}
      </section>
    </div>
  );
}
