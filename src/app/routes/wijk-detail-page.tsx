import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
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
      <p>
        <Link to={paths.wijken.href()}>
          <DirArrow to="back" /> {t('wijken.back')}
        </Link>
      </p>
      <h1>{wijk.name}</h1>
      {wijk.inNpdwFocusgebied && <p className="tag tag-neutral">{t('wijken.focusgebied')}</p>}
      <p className="lead" {...(texts ? {} : dutch)}>
        {texts?.summary ?? wijk.summary}
      </p>
      {parent && (
        <p>
          <strong>{t('wijken.partOf')}:</strong>{' '}
          <Link to={paths.wijk.href(parent.id)}>{parent.name}</Link>
        </p>
      )}
      {parts.length > 0 && (
        <p>
          <strong>{t('wijken.parts')}:</strong>{' '}
          {parts.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <Link to={paths.wijk.href(p.id)}>{p.name}</Link>
            </span>
          ))}
        </p>
      )}
      {wijk.stats.length > 0 && (
        <section>
          <h2>{t('wijken.stats')}</h2>
          <TableScroll label={t('wijken.stats')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('wijken.statLabel')}</th>
                  <th scope="col">{wijk.name}</th>
                  <th scope="col">{t('wijken.statDordrecht')}</th>
                  <th scope="col">{t('wijken.statNederland')}</th>
                  <th scope="col">{t('wijken.statYear')}</th>
                </tr>
              </thead>
              <tbody>
                {wijk.stats.map((s, i) => (
                  <tr key={i}>
                    <th scope="row" {...(statLabel(s.label) ? {} : dutch)}>
                      {statLabel(s.label) ?? s.label}
                    </th>
                    <td className="number">{formatValue(s.value, unitOf(s.unit))}</td>
                    <td className="number">{formatValue(s.dordrecht, unitOf(s.unit))}</td>
                    <td className="number">{formatValue(s.nederland, unitOf(s.unit))}</td>
                    <td>{s.year ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      {wijk.facts.length > 0 && (
        <section>
          <h2>{t('wijken.facts')}</h2>
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
          <h2>{t('wijken.places')}</h2>
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
        <h2>{t('regeling.sources')}</h2>
        <SourceList sources={wijk.source} />
      </section>
    </article>
  );
}
