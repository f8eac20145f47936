import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { useCatalogueSearch } from '../use-catalogue';
import { SourceList } from '../components/source-list';
import { NotFound } from '../components/not-found';
import { LinkSection } from '../components/link-section';
import { DirArrow } from '../components/dir-arrow';
import { currentFormat } from '../i18n/format';
import { TableScroll } from '../components/table-scroll';
import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { DataBadge } from '../components/data-badge';
import { AppLink } from '../components/app-link';
import { Heading, Paragraph } from '../components/typography';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';

function formatValue(value: number | string | undefined, unit?: string): string {
  if (value === undefined) return '—';
  const text = typeof value === 'number' ? currentFormat().number(value) : value;
  return unit ? `${text} ${unit}` : text;
}

export function WijkDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { catalogue, search } = useCatalogueSearch();
  const { language } = useFormat();
  const { overlay } = useCatalogueOverlay(language);
  const wijk = catalogue.wijken.find((w) => w.id === id);
  // Only regelingen aimed at this wijk (or its parents): the city-wide ones are on the Regelingen page.
  const local = useMemo(
    () => (wijk ? search.search('', { wijk: wijk.id }).filter((r) => r.wijken.length > 0) : []),
    [search, wijk],
  );
  if (!wijk) return <NotFound message={t('wijken.notFound')} />;
  // The wijk's own texts in the chosen language where the overlay has them; Dutch (marked) otherwise.
  const dutch = dutchAttrs(language);
  const texts = overlay?.wijken[wijk.id];
  const facts = texts && texts.facts.length === wijk.facts.length ? texts.facts : undefined;
  const places =
    texts && texts.placeDescriptions.length === wijk.places.length
      ? texts.placeDescriptions
      : undefined;
  const statLabel = (label: string) => overlay?.statLabels[label];
  const unitOf = (unit: string | undefined) =>
    unit === undefined ? undefined : (overlay?.statUnits[unit] ?? unit);
  const parent = catalogue.wijken.find((w) => w.id === wijk.partOf);
  const parts = catalogue.wijken.filter((w) => w.partOf === wijk.id);
  const programmes = catalogue.programmes.filter(
    (p) => wijk.programmes.includes(p.id) || p.wijken.includes(wijk.id),
  );

  return (
    <article className="detail">
      <Paragraph>
        <AppLink to={paths.wijken.href()}>
          <DirArrow to="back" /> {t('wijken.back')}
        </AppLink>
      </Paragraph>
      <Heading level={1}>{wijk.name}</Heading>
      {wijk.inNpdwFocusgebied && (
        <Paragraph>
          <DataBadge>{t('wijken.focusgebied')}</DataBadge>
        </Paragraph>
      )}
      <Paragraph purpose="lead" {...(texts ? {} : dutch)}>
        {texts?.summary ?? wijk.summary}
      </Paragraph>
      {parent && (
        <Paragraph>
          <strong>{t('wijken.partOf')}:</strong>{' '}
          <AppLink to={paths.wijk.href(parent.id)}>{parent.name}</AppLink>
        </Paragraph>
      )}
      {parts.length > 0 && (
        <Paragraph>
          <strong>{t('wijken.parts')}:</strong>{' '}
          {parts.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <AppLink to={paths.wijk.href(p.id)}>{p.name}</AppLink>
            </span>
          ))}
        </Paragraph>
      )}
      {wijk.stats.length > 0 && (
        <section>
          <Heading level={2}>{t('wijken.stats')}</Heading>
          <TableScroll label={t('wijken.stats')}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('wijken.statLabel')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{wijk.name}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('wijken.statDordrecht')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('wijken.statNederland')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('wijken.statYear')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {wijk.stats.map((s, i) => (
                  <TableRow key={i}>
                    <TableHeaderCell scope="row" {...(statLabel(s.label) ? {} : dutch)}>
                      {statLabel(s.label) ?? s.label}
                    </TableHeaderCell>
                    <TableCell className="number">{formatValue(s.value, unitOf(s.unit))}</TableCell>
                    <TableCell className="number">
                      {formatValue(s.dordrecht, unitOf(s.unit))}
                    </TableCell>
                    <TableCell className="number">
                      {formatValue(s.nederland, unitOf(s.unit))}
                    </TableCell>
                    <TableCell>{s.year ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </section>
      )}
      {wijk.facts.length > 0 && (
        <section>
          <Heading level={2}>{t('wijken.facts')}</Heading>
          <ul {...(facts ? {} : dutch)}>
            {wijk.facts.map((f, i) => (
              <li key={f.text}>{facts?.[i] ?? f.text}</li>
            ))}
          </ul>
        </section>
      )}
      <LinkSection title={t('wijken.programmes')} items={programmes} href={paths.programme.href} />
      <LinkSection title={t('wijken.regelingen')} items={local} href={paths.regeling.href} />
      {wijk.places.length > 0 && (
        <section>
          <Heading level={2}>{t('wijken.places')}</Heading>
          <ul>
            {wijk.places.map((p, i) => {
              const description = places ? places[i] : p.description;
              const kind = overlay?.placeKinds[p.kind];
              return (
                <li key={p.name}>
                  <strong {...dutch}>{p.name}</strong> —{' '}
                  <span {...(kind ? {} : dutch)}>{kind ?? p.kind}</span>
                  {description ? ': ' : ''}
                  {description && <span {...(places ? {} : dutch)}>{description}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section>
        <Heading level={2}>{t('regeling.sources')}</Heading>
        <SourceList sources={wijk.source} />
      </section>
    </article>
  );
}
