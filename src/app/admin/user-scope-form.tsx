import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, roleSchema, type PublicUser, type Role } from '../../domain/sync/roles';
import { updateUserScope } from '../../data/admin/admin-client';
import { useOnline } from '../components/online-status';
import { useCatalogue } from '../use-catalogue';
import { adminErrorText } from './admin-error-text';
import { OutcomeMessage, type OutcomeMessageValue } from '../components/outcome-message';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';
import { Checkbox, Fieldset, FormField, SelectInput, TextInput } from '../components/form-field';

type Message = OutcomeMessageValue | null;

/**
 * Role, team and wijken of one user, saved together. Her devices drop their copies and take a
 * fresh scoped snapshot at their next sync, which the confirmation says.
 */
export function UserScopeForm({
  user,
  teams,
  onSaved,
}: {
  user: PublicUser;
  teams: readonly string[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const online = useOnline();
  const [role, setRole] = useState<Role>(user.role);
  const [teamId, setTeamId] = useState(user.teamId ?? '');
  const [wijken, setWijken] = useState<readonly string[]>(user.wijken);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  // Whole wijken, plus any id the user has that the catalogue no longer lists (so it can be removed).
  const choices = [
    ...catalogue.wijken
      .filter((w) => w.kind === 'wijk')
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((w) => ({ id: w.id, name: w.name })),
    ...user.wijken
      .filter((id) => !catalogue.wijken.some((w) => w.id === id && w.kind === 'wijk'))
      .map((id) => ({ id, name: catalogue.wijken.find((w) => w.id === id)?.name ?? id })),
  ];

  function toggle(id: string, on: boolean) {
    setWijken((current) => (on ? [...current, id] : current.filter((w) => w !== id)));
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const team = teamId.trim();
      await updateUserScope(user.id, {
        role,
        teamId: team === '' ? null : team,
        wijken: [...wijken],
      });
      setMessage({ kind: 'ok', text: t('admin.user.saved') });
      onSaved();
    } catch (error) {
      setMessage({ kind: 'error', text: adminErrorText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="scope-heading">
      <Heading level={2} id="scope-heading">
        {t('admin.user.scopeTitle')}
      </Heading>
      <Paragraph>{t('admin.user.scopeIntro')}</Paragraph>
      <form className="form" onSubmit={(e) => void save(e)}>
        <FormField htmlFor="admin-role" label={t('admin.users.role')}>
          <SelectInput
            id="admin-role"
            value={role}
            onChange={(e) => setRole(roleSchema.parse(e.target.value))}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="admin-team" label={t('admin.users.team')}>
          <TextInput
            id="admin-team"
            type="text"
            list="admin-teams"
            value={teamId}
            maxLength={64}
            aria-describedby="admin-team-hint"
            onChange={(e) => setTeamId(e.target.value)}
          />
          <datalist id="admin-teams">
            {teams.map((team) => (
              <option key={team} value={team} />
            ))}
          </datalist>
          <Paragraph id="admin-team-hint" className="small muted">
            {t('admin.user.teamHint')}
          </Paragraph>
        </FormField>
        <Fieldset legend={t('admin.users.wijken')}>
          <ul className="admin-checks">
            {choices.map((w) => (
              <li key={w.id}>
                <FormField htmlFor={`admin-wijk-${w.id}`} label={w.name} type="checkbox">
                  <Checkbox
                    id={`admin-wijk-${w.id}`}
                    checked={wijken.includes(w.id)}
                    onChange={(e) => toggle(w.id, e.target.checked)}
                  />
                </FormField>
              </li>
            ))}
          </ul>
        </Fieldset>
        <Button type="submit" disabled={busy || !online}>
          {busy ? t('admin.busy') : t('admin.user.save')}
        </Button>
        <OutcomeMessage message={message} />
      </form>
    </section>
  );
}
