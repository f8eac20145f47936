import { useTranslation } from 'react-i18next';
import type { Published } from '../../domain/insight/suppression';
import type { OverviewColumn } from '../../domain/vroegsignalen/campaign-outcome';
import { OVERVIEW_COLUMNS } from '../../domain/vroegsignalen/campaign-outcome';
import type { CampaignSummary } from '../../domain/vroegsignalen/campaign-report';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';
import { TableScroll } from '../components/table-scroll';
import { Heading, Paragraph } from '../components/typography';
import { currentFormat } from '../i18n/format';
import { useCatalogue } from '../use-catalogue';

/**
 * Per campaign: addresses, visited, reached, each outcome and the households with a worry per
 * domain — counts as the server published them ("< 5" for 0–4, see suppression.ts).
 */
export function CampaignOverview({ campaigns }: { campaigns: readonly CampaignSummary[] }) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const wijkName = (id: string) => catalogue.wijken.find((w) => w.id === id)?.name ?? id;
  const label = (column: OverviewColumn) => {
    if (column === 'visited') return t('admin.campaign.overview.visited');
    if (column === 'reached') return t('admin.campaign.overview.reached');
    const [kind, key] = column.split('.');
    return kind === 'outcome'
      ? t(`campaign.outcome.${key}`)
      : `${t('admin.campaign.overview.zorg')}: ${t(`campaign.domain.${key}.name`)}`;
  };
  const shown = (p: Published) =>
    p.kind === 'value'
      ? currentFormat().number(p.value)
      : p.kind === 'small'
        ? t('admin.campaign.overview.small')
        : t('admin.campaign.overview.hidden');
  return (
    <section aria-labelledby="campaign-overview">
      <Heading level={2} id="campaign-overview">
        {t('admin.campaign.overview.title')}
      </Heading>
      {campaigns.length === 0 ? (
        <Paragraph>{t('admin.campaign.overview.none')}</Paragraph>
      ) : (
        <TableScroll label={t('admin.campaign.overview.title')}>
          <Table data-testid="campaign-overview">
            <TableCaption>{t('admin.campaign.overview.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">
                  {t('admin.campaign.overview.campaign')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">
                  {t('admin.campaign.overview.addresses')}
                </TableHeaderCell>
                {OVERVIEW_COLUMNS.map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {label(c)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {campaigns.map((campaign) => (
                <TableRow key={campaign.id} data-campaign={campaign.id}>
                  <TableHeaderCell scope="row">
                    {campaign.name}
                    <br />
                    <span className="small muted">
                      {wijkName(campaign.wijk)} · {currentFormat().date(campaign.startsOn)} –{' '}
                      {currentFormat().date(campaign.endsOn)}
                    </span>
                  </TableHeaderCell>
                  <TableCell data-column="addresses">
                    {currentFormat().number(campaign.addresses)}
                  </TableCell>
                  {OVERVIEW_COLUMNS.map((c) => (
                    <TableCell key={c} data-column={c}>
                      {shown(campaign.cells[c])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
