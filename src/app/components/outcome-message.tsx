import { Notice } from './notice';

/** What an action ended in, told to the worker: a calm status, or an alert when it failed. */
export interface OutcomeMessageValue {
  kind: 'ok' | 'error';
  text: string;
}

export function OutcomeMessage({ message }: { message: OutcomeMessageValue | null }) {
  if (!message) return null;
  const failed = message.kind === 'error';
  return (
    <Notice type={failed ? 'error' : 'ok'} role={failed ? 'alert' : 'status'}>
      {message.text}
    </Notice>
  );
}
