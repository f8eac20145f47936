import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Actielijn } from '../../domain/catalogue/schema';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { SourceList } from '../components/source-list';
import { NotFound } from '../components/not-found';
import { LinkSection } from '../components/link-section';
import { DirArrow } from '../components/dir-arrow';
import { currentFormat } from '../i18n/format';

function ActielijnSection({ actielijn }: { actielijn: Actielijn }) {
  const { t } = useTranslation();
  return (
    <details className="actielijn">
      <summary>
        <span className="card-title">{actielijn.name}</span>
      </summary>
      {actielijn.summary && <p>{actielijn.summary}</p>}
      {actielijn.ambitions2043.length > 0 && (
        <>
          <h4>{t('programmas.ambitions2043')}</h4>
          <ul>
            {actielijn.ambitions2043.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {actielijn.results2026.length > 0 && (
        <>
          <h4>{t('programmas.results2026')}</h4>
          <ul>
            {actielijn.results2026.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {actielijn.goals.map((g, i) => (
        <div key={i} className="goal-row">
          <h4>{t('programmas.bereiken')}</h4>
          <p>{g.bereiken}</p>
          {g.resultaten.length > 0 && (
            <>
              <h5>{t('programmas.resultaten')}</h5>
              <ul>
                {g.resultaten.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
          {g.activiteiten.length > 0 && (
            <>
              <h5>{t('programmas.activiteiten')}</h5>
              <ul>
                {g.activiteiten.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </>
          )}
          {g.tijdspad && (
            <p>
              <strong>{t('programmas.tijdspad')}:</strong> {g.tijdspad}
            </p>
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
      <p>
        <Link to={paths.programmes.href()}>
          <DirArrow to="back" /> {t('programmas.back')}
        </Link>
      </p>
      <h1>{programme.name}</h1>
      <p className="card-meta">
        {programme.fundamenten.map((f) => (
          <span key={f} className={`tag fundament-${f}`}>
            {t(`fundament.${f}`)}
          </span>
        ))}
      </p>
      <p className="lead">{programme.summary}</p>
      {programme.period && (
        <p>
          <strong>{t('programmas.period')}:</strong> {programme.period}
        </p>
      )}
      {parent && (
        <p>
          <strong>{t('programmas.partOf')}:</strong>{' '}
          <Link to={paths.programme.href(parent.id)}>{parent.name}</Link>
        </p>
      )}
      {programme.actielijnen.length > 0 && (
        <section>
          <h2>{t('programmas.actielijnen')}</h2>
          {programme.actielijnen.map((a) => (
            <ActielijnSection key={a.id} actielijn={a} />
          ))}
        </section>
      )}
      <LinkSection title={t('programmas.aanpak')} items={parts} href={paths.programme.href} />
      {programme.budget.length > 0 && (
        <section>
          <h2>{t('programmas.budget')}</h2>
          <table>
            <tbody>
              {programme.budget.map((b, i) => (
                <tr key={i}>
                  <th scope="row">{b.label}</th>
                  <td>{b.year}</td>
                  <td className="number">{currentFormat().euro(Math.round(b.amount))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <LinkSection
        title={t('programmas.regelingen')}
        items={regelingen}
        href={paths.regeling.href}
      />
      <LinkSection title={t('programmas.wijken')} items={wijken} href={paths.wijk.href} />
      <section>
        <h2>{t('regeling.sources')}</h2>
        <SourceList sources={programme.source} />
      </section>
    </article>
  );
}
