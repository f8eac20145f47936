import type { AnswerEntry } from '../../domain/check/answers-schema';
import type { Question } from '../../domain/check/question-schema';

/** What a field reports: a new entry, or that the worker emptied it (the question is open again). */
export type AnswerChange = AnswerEntry | { status: 'cleared' };

/** `now`: a tap, written at once; `typing`: written after a pause, or on blur. */
export type ChangeMode = 'now' | 'typing';

export interface FieldProps {
  question: Question;
  entry: AnswerEntry | undefined;
  /** The id of the question's label (the fieldset legend), for controls without their own label. */
  labelId: string;
  describedBy: string | undefined;
  onChange: (change: AnswerChange, mode: ChangeMode) => void;
  /** A typed value is not valid: nothing is written, and a pending write of it is dropped. */
  onInvalid: () => void;
  /** The worker left a field: write what is pending now. */
  onFlush: () => void;
}
