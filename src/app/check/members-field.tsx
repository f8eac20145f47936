import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberAnswer } from '../../domain/check/answers-schema';
import type { MemberRole } from '../../domain/eligibility/household-schema';
import type { FieldProps } from './answer-change';
import { parseAgeInput } from './check-model';
import { NotSavedError } from './not-saved-error';
import { Button } from '../components/button';
import { TextInput } from '../components/form-field';

interface Row {
  id: string;
  role: MemberRole;
  ageText: string;
}

function rowsFrom(entry: FieldProps['entry']): Row[] {
  if (entry?.status === 'answered' && Array.isArray(entry.value)) {
    const rows = entry.value.flatMap((m): Row[] =>
      typeof m === 'object' && m !== null && 'role' in m && 'id' in m
        ? [{ id: m.id, role: m.role, ageText: m.age === undefined ? '' : String(m.age) }]
        : [],
    );
    if (rows.length > 0) return rows;
  }
  return [{ id: 'm1', role: 'aanvrager', ageText: '' }];
}

function nextId(rows: Row[]): string {
  const max = Math.max(0, ...rows.map((r) => Number(r.id.replace(/^m/, '')) || 0));
  return `m${max + 1}`;
}

/**
 * Who belongs to the household: a role and an age per person, never a name. The resident is
 * always the first row. The list is written only when every age is valid.
 */
export function MembersField({
  question,
  entry,
  describedBy,
  onChange,
  onInvalid,
  onFlush,
}: FieldProps) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => rowsFrom(entry));
  const [touched, setTouched] = useState<Record<string, boolean>>({});

  const kidNumber = new Map(
    rows.filter((r) => r.role === 'kind').map((r, i) => [r.id, i + 1] as const),
  );
  function who(row: Row): string {
    if (row.role === 'kind') return t('checkUi.members.child', { n: kidNumber.get(row.id) });
    return t(`checkUi.members.who.${row.role}`);
  }

  function commit(next: Row[], mode: 'now' | 'typing') {
    setRows(next);
    const members: MemberAnswer[] = [];
    for (const r of next) {
      const age = parseAgeInput(r.ageText);
      if (!age.ok) {
        onInvalid();
        return;
      }
      members.push(
        age.value === undefined
          ? { id: r.id, role: r.role }
          : { id: r.id, role: r.role, age: age.value },
      );
    }
    onChange({ status: 'answered', value: members }, mode);
  }

  const hasPartner = rows.some((r) => r.role === 'partner');

  return (
    <div className="members" aria-describedby={describedBy}>
      <ul className="member-list">
        {rows.map((row) => {
          const age = parseAgeInput(row.ageText);
          const error =
            !age.ok && (touched[row.id] || /[a-z]/i.test(row.ageText)) ? age.message : undefined;
          const inputId = `${question.id}-${row.id}-age`;
          const errorId = `${inputId}-error`;
          return (
            <li key={row.id} className="member-row">
              <span className="member-who">{who(row)}</span>
              <label htmlFor={inputId} className="member-age-label">
                {t('checkUi.members.ageLabel', { who: who(row) })}
              </label>
              <TextInput
                id={inputId}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                className="age-input"
                value={row.ageText}
                aria-invalid={error !== undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) =>
                  commit(
                    rows.map((r) => (r.id === row.id ? { ...r, ageText: e.target.value } : r)),
                    'typing',
                  )
                }
                onBlur={() => {
                  setTouched((prev) => ({ ...prev, [row.id]: true }));
                  onFlush();
                }}
              />
              {row.role !== 'aanvrager' && (
                <Button
                  purpose="secondary"
                  className="button-small"
                  onClick={() =>
                    commit(
                      rows.filter((r) => r.id !== row.id),
                      'now',
                    )
                  }
                >
                  {t('checkUi.members.remove', { who: who(row) })}
                </Button>
              )}
              {error && <NotSavedError id={errorId} error={error} />}
            </li>
          );
        })}
      </ul>
      <div className="member-add">
        {!hasPartner && (
          <Button
            purpose="secondary"
            onClick={() =>
              commit([...rows, { id: nextId(rows), role: 'partner', ageText: '' }], 'now')
            }
          >
            {t('checkUi.members.addPartner')}
          </Button>
        )}
        <Button
          purpose="secondary"
          onClick={() => commit([...rows, { id: nextId(rows), role: 'kind', ageText: '' }], 'now')}
        >
          {t('checkUi.members.addChild')}
        </Button>
        <Button
          purpose="secondary"
          onClick={() =>
            commit([...rows, { id: nextId(rows), role: 'overig', ageText: '' }], 'now')
          }
        >
          {t('checkUi.members.addOther')}
        </Button>
      </div>
    </div>
  );
}
