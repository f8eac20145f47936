import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignField, CampaignInput } from '../../domain/vroegsignalen/campaign';
import type {
  CampaignSummary,
  CreateCampaignResponse,
} from '../../domain/vroegsignalen/campaign-report';
import { createCampaign, listCampaigns } from '../../data/vroegsignalen/campaign-client';
import { Button } from '../components/button';
import { FormField, SelectInput, TextArea, TextInput } from '../components/form-field';
import { Notice } from '../components/notice';
import { useOnline } from '../components/online-status';
import { Heading, Paragraph } from '../components/typography';
import { useCatalogue } from '../use-catalogue';
import { vroegErrorText } from '../vroegsignalen/vroeg-error-text';
import { CampaignOverview } from './campaign-overview';
import '../admin/admin.css';

type Problems = Extract<CreateCampaignResponse, { ok: false }>['problems'];

const EMPTY: CampaignInput = { name: '', wijk: '', startsOn: '', endsOn: '', addresses: '' };

/**
 * The coordinator's door-to-door campaigns: make one (name, wijk, period, addresses typed or
 * from a file), and the overview of every campaign in counts. A refused campaign keeps
 * everything typed and lists each problem, by line for the addresses.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const online = useOnline();
  const { catalogue } = useCatalogue();
  const [input, setInput] = useState<CampaignInput>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const wijken = [...catalogue.wijken].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  const load = useCallback(() => {
    listCampaigns().then(setCampaigns, (error: unknown) => setFailure(vroegErrorText(t, error)));
  }, [t]);
  useEffect(() => {
    if (online) load();
  }, [online, load]);

  const set = (field: keyof CampaignInput) => (value: string) =>
    setInput((i) => ({ ...i, [field]: value }));
  const problemsOf = (field: CampaignField) => problems.filter((p) => p.field === field);
  const text = (p: Problems[number]) => {
    const message = t(`admin.campaign.error.${p.code}`, { defaultValue: '' });
    if (!message) return p.message;
    return p.line === undefined
      ? message
      : t('admin.campaign.error.line', { line: p.line, message });
  };
  const errorOf = (field: CampaignField) => {
    const list = problemsOf(field);
    return list.length === 0 ? undefined : list.map(text).join(' ');
  };

  async function readFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (file) set('addresses')(await file.text());
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems([]);
    setFailure(null);
    setMade(null);
    try {
      const result = await createCampaign(input);
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      setMade(
        t('admin.campaign.create.made', {
          name: result.campaign.name,
          count: result.campaign.addresses,
        }) + (result.withoutTeam ? ` ${t('admin.campaign.create.withoutTeam')}` : ''),
      );
      setInput(EMPTY);
      load();
    } catch (error) {
      setFailure(vroegErrorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="admin campaigns">
      <Heading level={1}>{t('admin.campaign.title')}</Heading>
      <Paragraph purpose="lead">{t('admin.campaign.intro')}</Paragraph>
      {!online && <Notice type="warning">{t('admin.vroeg.offline')}</Notice>}
      {failure && (
        <Notice type="error" role="alert">
          {failure}
        </Notice>
      )}
      {campaigns && <CampaignOverview campaigns={campaigns} />}
      <section aria-labelledby="campaign-create">
        <Heading level={2} id="campaign-create">
          {t('admin.campaign.create.title')}
        </Heading>
        {problems.length > 0 && (
          <Notice type="error" role="alert">
            {t('admin.campaign.create.problems')}
            <ul data-testid="campaign-problems">
              {problems.map((p, i) => (
                <li key={i}>{text(p)}</li>
              ))}
            </ul>
          </Notice>
        )}
        {made && <Notice role="status">{made}</Notice>}
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <FormField
            htmlFor="campaign-name"
            label={t('admin.campaign.create.name')}
            error={errorOf('name')}
            quietError
          >
            <TextInput
              id="campaign-name"
              value={input.name}
              maxLength={80}
              onChange={(e) => set('name')(e.target.value)}
            />
          </FormField>
          <FormField
            htmlFor="campaign-wijk"
            label={t('admin.campaign.create.wijk')}
            error={errorOf('wijk')}
            quietError
          >
            <SelectInput
              id="campaign-wijk"
              value={input.wijk}
              onChange={(e) => set('wijk')(e.target.value)}
            >
              <option value="">{t('admin.campaign.create.chooseWijk')}</option>
              {wijken.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField
            htmlFor="campaign-starts"
            label={t('admin.campaign.create.startsOn')}
            error={errorOf('startsOn')}
            quietError
          >
            <TextInput
              id="campaign-starts"
              type="date"
              value={input.startsOn}
              onChange={(e) => set('startsOn')(e.target.value)}
            />
          </FormField>
          <FormField
            htmlFor="campaign-ends"
            label={t('admin.campaign.create.endsOn')}
            error={errorOf('endsOn')}
            quietError
          >
            <TextInput
              id="campaign-ends"
              type="date"
              value={input.endsOn}
              onChange={(e) => set('endsOn')(e.target.value)}
            />
          </FormField>
          <FormField
            htmlFor="campaign-addresses"
            label={t('admin.campaign.create.addresses')}
            description={t('admin.campaign.create.addressesHelp')}
            descriptionId="campaign-addresses-help"
            error={errorOf('addresses')}
            quietError
          >
            <TextArea
              id="campaign-addresses"
              rows={8}
              value={input.addresses}
              aria-describedby="campaign-addresses-help"
              onChange={(e) => set('addresses')(e.target.value)}
            />
          </FormField>
          <FormField htmlFor="campaign-file" label={t('admin.campaign.create.file')}>
            <input
              id="campaign-file"
              type="file"
              accept=".csv,.json,.txt,text/csv,application/json,text/plain"
              disabled={busy}
              onChange={(e) => void readFile(e)}
            />
          </FormField>
          <Button type="submit" disabled={!online || busy}>
            {busy ? t('admin.busy') : t('admin.campaign.create.submit')}
          </Button>
        </form>
      </section>
    </div>
  );
}
