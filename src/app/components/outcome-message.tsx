/** What an action ended in, told to the worker: a calm status, or an alert when it failed. */
export interface OutcomeMessageValue {
  kind: 'ok' | 'error';
  text: string;
}

export function OutcomeMessage({ message }: { message: OutcomeMessageValue | null }) {
  if (!message) return null;
  const failed = message.kind === 'error';
  return (
    <p role={failed ? 'alert' : 'status'} className={`notice ${failed ? 'notice-error' : ''}`}>
      {message.text}
    </p>
  );
}
