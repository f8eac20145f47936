import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmountInput } from '../../domain/check/answers-schema';
import {
  INCOME_TYPES,
  incomeSourceSchema,
  incomeTypeSchema,
  type IncomeSource,
  type IncomeType,
} from '../../domain/eligibility/household-schema';
import type { FieldProps } from './answer-change';
import { formatAmountInput } from './check-model';
import { NotSavedError } from './not-saved-error';
import { Button } from '../components/button';
import { SelectInput, TextInput } from '../components/form-field';

interface Row {
  key: number;
  type: IncomeType;
  amountText: string;
}

function rowsFrom(entry: FieldProps['entry']): Row[] {
  if (entry?.status !== 'answered' || !Array.isArray(entry.value)) return [];
  const values: unknown[] = entry.value;
  return values.flatMap((v, i): Row[] => {
    const parsed = incomeSourceSchema.safeParse(v);
    if (!parsed.success) return [];
    const amount = parsed.data.netMonthly;
    return [
      {
        key: i + 1,
        type: parsed.data.type,
        amountText: amount === undefined ? '' : formatAmountInput(amount),
      },
    ];
  });
}

function parseAmount(text: string): ReturnType<typeof parseAmountInput> | undefined {
  return text.trim() === '' ? undefined : parseAmountInput(text);
}

/**
 * The incomes of one person: a kind and the net amount per month, as many as there are. "Geen
 * inkomen" is an answer of its own (an empty list), unlike a question not yet answered.
 */
export function IncomeSourcesField({
  question,
  entry,
  describedBy,
  onChange,
  onInvalid,
  onFlush,
}: FieldProps) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => rowsFrom(entry));
  const [touched, setTouched] = useState<Record<number, boolean>>({});
  const noIncome =
    entry?.status === 'answered' && Array.isArray(entry.value) && entry.value.length === 0;

  function commit(next: Row[], mode: 'now' | 'typing') {
    setRows(next);
    const sources: IncomeSource[] = [];
    for (const r of next) {
      const amount = parseAmount(r.amountText);
      if (amount !== undefined && !amount.ok) {
        onInvalid();
        return;
      }
      sources.push(
        amount === undefined ? { type: r.type } : { type: r.type, netMonthly: amount.value },
      );
    }
    onChange(
      next.length === 0 ? { status: 'cleared' } : { status: 'answered', value: sources },
      mode,
    );
  }

  function add(type: string) {
    const parsed = incomeTypeSchema.safeParse(type);
    if (!parsed.success) return;
    const key = Math.max(0, ...rows.map((r) => r.key)) + 1;
    commit([...rows, { key, type: parsed.data, amountText: '' }], 'now');
  }

  const selectId = `${question.id}-add`;
  return (
    <div className="incomes" aria-describedby={describedBy}>
      {rows.length > 0 && (
        <ul className="income-list">
          {rows.map((row) => {
            const typeLabel = t(`check.incomeTypes.${row.type}`);
            const amount = parseAmount(row.amountText);
            const error =
              amount !== undefined &&
              !amount.ok &&
              (touched[row.key] || /[a-z]/i.test(row.amountText))
                ? amount.message
                : undefined;
            const inputId = `${question.id}-${row.key}-amount`;
            const errorId = `${inputId}-error`;
            return (
              <li key={row.key} className="income-row">
                <label htmlFor={inputId}>
                  {t('checkUi.income.amountLabel', { type: typeLabel })}
                </label>
                <div className="amount-input">
                  <span aria-hidden="true">€</span>
                  <TextInput
                    id={inputId}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.amountText}
                    placeholder={t('checkUi.answer.amountPlaceholder')}
                    aria-invalid={error !== undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(e) =>
                      commit(
                        rows.map((r) =>
                          r.key === row.key ? { ...r, amountText: e.target.value } : r,
                        ),
                        'typing',
                      )
                    }
                    onBlur={() => {
                      setTouched((prev) => ({ ...prev, [row.key]: true }));
                      onFlush();
                    }}
                  />
                  <Button
                    purpose="secondary"
                    className="button-small"
                    onClick={() =>
                      commit(
                        rows.filter((r) => r.key !== row.key),
                        'now',
                      )
                    }
                  >
                    {t('checkUi.income.remove', { type: typeLabel })}
                  </Button>
                </div>
                {error && <NotSavedError id={errorId} error={error} />}
              </li>
            );
          })}
        </ul>
      )}
      <div className="income-add">
        <label htmlFor={selectId}>{t('checkUi.income.add')}</label>
        <SelectInput id={selectId} value="" onChange={(e) => add(e.target.value)}>
          <option value="">{t('checkUi.income.choose')}</option>
          {INCOME_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`check.incomeTypes.${type}`)}
            </option>
          ))}
        </SelectInput>
        {rows.length === 0 && (
          <Button
            purpose={noIncome ? 'primary' : 'secondary'}
            aria-pressed={noIncome}
            onClick={() =>
              onChange(noIncome ? { status: 'cleared' } : { status: 'answered', value: [] }, 'now')
            }
          >
            {t('checkUi.income.none')}
          </Button>
        )}
      </div>
    </div>
  );
}
