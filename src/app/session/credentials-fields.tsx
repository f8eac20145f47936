import { useTranslation } from 'react-i18next';
import type { SyncErrorCode } from '../../data/sync/sync-error';
import { syncErrorText } from './sync-error-text';
import { Notice } from '../components/notice';
import { FormField, TextInput } from '../components/form-field';

interface Props {
  /** Prefix of the inputs' ids (`<prefix>-email`, `<prefix>-password`); tests and labels use them. */
  idPrefix: string;
  email: string;
  onEmail: (value: string) => void;
  password: string;
  onPassword: (value: string) => void;
  error: SyncErrorCode | null;
}

/** E-mail and password with the server's refusal under them: the sign-in and the PIN recovery. */
export function CredentialsFields({
  idPrefix,
  email,
  onEmail,
  password,
  onPassword,
  error,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <FormField htmlFor={`${idPrefix}-email`} label={t('session.email')}>
        <TextInput
          id={`${idPrefix}-email`}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => onEmail(e.target.value)}
        />
      </FormField>
      <FormField htmlFor={`${idPrefix}-password`} label={t('session.password')}>
        <TextInput
          id={`${idPrefix}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
      </FormField>
      {error && (
        <Notice type="error" role="alert">
          {syncErrorText(t, error)}
        </Notice>
      )}
    </>
  );
}
