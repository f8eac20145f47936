import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Actielijn } from '../../domain/catalogue/schema';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { SourceList } from '../components/source-list';
import { NotFound } from '../components/not-found';
import { LinkSection } from '../components/link-section';
import { DirArrow } from '../components/dir-arrow';
import { currentFormat } from '../i18n/format';
import { AppLink } from '../components/app-link';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';
import { Table, TableBody, TableCell, TableHeaderCell, TableRow } from '../components/table';

function ActielijnSection({ actielijn }: { actielijn: Actielijn }) {
  const { t } = useTranslation();
  return (
    <details className="actielijn">
      <summary>
        <span className="card-title">{actielijn.name}</span>
      </summary>
      {actielijn.summary && <Paragraph>{actielijn.summary}</Paragraph>}
      {actielijn.ambitions2043.length > 0 && (
        <>
          <Heading level={4}>{t('programmas.ambitions2043')}</Heading>
          <ul>
            {actielijn.ambitions2043.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {actielijn.results2026.length > 0 && (
        <>
          <Heading level={4}>{t('programmas.results2026')}</Heading>
          <ul>
            {actielijn.results2026.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {actielijn.goals.map((g, i) => (
        <div key={i} className="goal-row">
          <Heading level={4}>{t('programmas.bereiken')}</Heading>
          <Paragraph>{g.bereiken}</Paragraph>
          {g.resultaten.length > 0 && (
            <>
              <Heading level={5}>{t('programmas.resultaten')}</Heading>
              <ul>
                {g.resultaten.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
          {g.activiteiten.length > 0 && (
            <>
              <Heading level={5}>{t('programmas.activiteiten')}</Heading>
              <ul>
                {g.activiteiten.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </>
          )}
          {g.tijdspad && (
            <Paragraph>
              <strong>{t('programmas.tijdspad')}:</strong> {g.tijdspad}
            </Paragraph>
          )}
        </div>
      ))}
      <SourceList sources={actielijn.source} />
    </details>
  );
}

export function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { catalogue } = useCatalogue();
  const programme = catalogue.programmes.find((p) => p.id === id);
  if (!programme) return <NotFound message={t('programmas.notFound')} />;
  const parent = catalogue.programmes.find((p) => p.id === programme.partOf);
  const parts = catalogue.programmes.filter((p) => p.partOf === programme.id);
  const regelingen = catalogue.regelingen.filter((r) => programme.regelingen.includes(r.id));
  const wijken = catalogue.wijken.filter((w) => programme.wijken.includes(w.id));

  return (
    <article className="detail">
      <Paragraph>
        <AppLink to={paths.programmes.href()}>
          <DirArrow to="back" /> {t('programmas.back')}
        </AppLink>
      </Paragraph>
      <Heading level={1}>{programme.name}</Heading>
      <Paragraph className="card-meta">
        {programme.fundamenten.map((f) => (
          <DataBadge key={f} className={`fundament-${f}`}>
            {t(`fundament.${f}`)}
          </DataBadge>
        ))}
      </Paragraph>
      <Paragraph purpose="lead">{programme.summary}</Paragraph>
      {programme.period && (
        <Paragraph>
          <strong>{t('programmas.period')}:</strong> {programme.period}
        </Paragraph>
      )}
      {parent && (
        <Paragraph>
          <strong>{t('programmas.partOf')}:</strong>{' '}
          <AppLink to={paths.programme.href(parent.id)}>{parent.name}</AppLink>
        </Paragraph>
      )}
      {programme.actielijnen.length > 0 && (
        <section>
          <Heading level={2}>{t('programmas.actielijnen')}</Heading>
          {programme.actielijnen.map((a) => (
            <ActielijnSection key={a.id} actielijn={a} />
          ))}
        </section>
      )}
      <LinkSection title={t('programmas.aanpak')} items={parts} href={paths.programme.href} />
      {programme.budget.length > 0 && (
        <section>
          <Heading level={2}>{t('programmas.budget')}</Heading>
          <Table>
            <TableBody>
              {programme.budget.map((b, i) => (
                <TableRow key={i}>
                  <TableHeaderCell scope="row">{b.label}</TableHeaderCell>
                  <TableCell>{b.year}</TableCell>
                  <TableCell className="number">
                    {currentFormat().euro(Math.round(b.amount))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      <LinkSection
        title={t('programmas.regelingen')}
        items={regelingen}
        href={paths.regeling.href}
      />
      <LinkSection title={t('programmas.wijken')} items={wijken} href={paths.wijk.href} />
      <section>
        <Heading level={2}>{t('regeling.sources')}</Heading>
        <SourceList sources={programme.source} />
      </section>
    </article>
  );
}
