import type { TextareaHTMLAttributes } from 'react';
import { TextArea } from './form-field';

type PersonalTextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'autoComplete'>;

/**
 * A textarea (Utrecht's) for text about a resident (a note, a handover message, a reason). With
 * `autocomplete="off"` Chromium neither offers it for autofill nor writes its contents into the
 * session-restore files (`Default/Sessions/Session_*`), where a note would stay on disk in the
 * clear, outside the vault, even after logout (issue 10). Use it for every such field.
 */
export function PersonalTextArea(props: PersonalTextAreaProps) {
  return <TextArea {...props} autoComplete="off" />;
}
