import { useTranslation } from 'react-i18next';
import type { ApplicationCounter, NoCounter } from '../../domain/catalogue/application-help';
import type { TextFact } from '../../domain/catalogue/schema';
import { SourceList } from '../components/source-list';
import { Paragraph } from '../components/typography';
import { formatters } from '../i18n/format';
import type { LanguageCode } from '../i18n/i18n';

const FIELDS = ['address', 'hours', 'walkIn', 'phone'] as const;

/**
 * The counter's facts as the kaart states them (Dutch), each known one or "unknown", with the day
 * the entry was checked. On an English or Arabic screen or paper they are not shown in Dutch: the
 * kaart's note says they are in Dutch only (on paper: where to ask), never untagged Dutch.
 */
export function CounterFacts({
  counter,
  language,
  printed = false,
}: {
  counter: ApplicationCounter | NoCounter;
  language: LanguageCode;
  printed?: boolean;
}) {
  const { i18n } = useTranslation();
  const st = i18n.getFixedT(language);
  const format = formatters(language);
  const name = language === 'nl' ? {} : ({ lang: 'nl', dir: 'ltr' } as const);
  if ('unknown' in counter) {
    return (
      <Paragraph>
        {counter.unknown === 'no-provider'
          ? st('applyHelp.counterNoProvider')
          : st('applyHelp.counterNoPlace', { provider: counter.provider })}
      </Paragraph>
    );
  }
  const value = (fact: TextFact) =>
    'value' in fact ? fact.value : <span className="muted">{st('applyHelp.unknown')}</span>;
  return (
    <>
      <Paragraph>
        <strong>
          <bdi {...name}>{counter.name}</bdi>
        </strong>
      </Paragraph>
      {language === 'nl' ? (
        <dl className="place-facts small">
          {FIELDS.map((f) => (
            <div key={f}>
              <dt>{st(`applyHelp.field.${f}`)}</dt>
              <dd>{value(counter[f])}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Paragraph className="small muted">
          {printed ? st('applyHelp.print.factsDutch') : st('directory.factsInDutch')}
        </Paragraph>
      )}
      <Paragraph className="muted small">
        {st('applyHelp.checkedOn', { date: format.date(counter.checkedOn) })}
      </Paragraph>
      {!printed && language === 'nl' && counter.sources.length > 0 && (
        // Where each known fact of the counter was read (the kaart's sources), for the worker.
        <details className="small apply-help-sources no-print">
          <summary>{st('applyHelp.counterSources')}</summary>
          <SourceList sources={counter.sources} />
        </details>
      )}
    </>
  );
}
