import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from './answer-change';
import { AmountField } from './amount-field';
import { ChoiceField } from './choice-field';
import { IncomeSourcesField } from './income-sources-field';
import { MembersField } from './members-field';
import { MultiField } from './multi-field';
import { Button } from '../components/button';
import { Fieldset } from '../components/form-field';
import { Paragraph } from '../components/typography';

type Props = Omit<FieldProps, 'labelId' | 'describedBy'>;

/**
 * One question: its label, help, the field for its type and, always, "wil ik niet zeggen". A
 * resident decides what to share; declining is recorded as such, never as an empty answer.
 */
export function QuestionBlock(props: Props) {
  const { question, entry, onChange } = props;
  const { t } = useTranslation();
  // Choosing "weet ik niet" or "wil ik niet zeggen" empties the field, so it starts afresh.
  const [resetKey, setResetKey] = useState(0);
  const labelId = `${question.id}-label`;
  const helpId = question.helpKey ? `${question.id}-help` : undefined;
  const fieldProps: FieldProps = { ...props, labelId, describedBy: helpId };
  const declined = entry?.status === 'declined';
  const unknown = entry?.status === 'unknown';

  function setStatus(status: 'declined' | 'unknown', on: boolean) {
    setResetKey((k) => k + 1);
    onChange(on ? { status } : { status: 'cleared' }, 'now');
  }

  let field;
  switch (question.type) {
    case 'money':
    case 'number':
      field = <AmountField key={resetKey} {...fieldProps} />;
      break;
    case 'choice':
    case 'yes-no-unknown':
      field = <ChoiceField key={resetKey} {...fieldProps} />;
      break;
    case 'multi':
      field = <MultiField key={resetKey} {...fieldProps} />;
      break;
    case 'members':
      field = <MembersField key={resetKey} {...fieldProps} />;
      break;
    case 'income-sources':
      field = <IncomeSourcesField key={resetKey} {...fieldProps} />;
      break;
  }

  return (
    <Fieldset
      className={`question${declined ? ' question-declined' : ''}`}
      data-question={question.id}
      legendId={labelId}
      legend={t(question.labelKey)}
    >
      {helpId && question.helpKey && (
        <Paragraph id={helpId} className="question-help">
          {t(question.helpKey)}
        </Paragraph>
      )}
      {field}
      {declined && (
        <Paragraph className="answer-note">{t('checkUi.answer.declinedNote')}</Paragraph>
      )}
      {unknown && <Paragraph className="answer-note">{t('checkUi.answer.unknownNote')}</Paragraph>}
      <div className="answer-status">
        {question.type !== 'yes-no-unknown' && (
          <Button
            purpose="subtle"
            aria-pressed={unknown}
            aria-describedby={labelId}
            onClick={() => setStatus('unknown', !unknown)}
          >
            {t('check.answerStatus.unknown')}
          </Button>
        )}
        <Button
          purpose="subtle"
          aria-pressed={declined}
          aria-describedby={labelId}
          onClick={() => setStatus('declined', !declined)}
        >
          {t('check.answerStatus.declined')}
        </Button>
      </div>
    </Fieldset>
  );
}
