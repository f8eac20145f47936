import { Trans } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';
import type { SourceRef } from '../../domain/catalogue/schema';

function seedLabel(file: string): string {
  const titles: Record<string, string> = {
    '000': 'Uitvoeringsprogramma Bestaanszekerheid',
    '001': 'Raadsinformatiebrief uitvoeringsprogramma’s',
    '002': 'Uitvoeringsprogramma Algemene voorzieningen',
    '003': 'Nationaal Programma Dordt West',
    '004': 'Uitvoeringsprogramma Specialistische hulp',
  };
  return titles[file.slice(0, 3)] ?? file;
}

/** Where a fact comes from, so a worker can check it. */
export function SourceList({ sources }: { sources: readonly SourceRef[] }) {
  const format = useFormat();
  // Titles and sections are the documents' own Dutch names: isolated so they keep their direction.
  const title = <bdi {...dutchAttrs(format.language)} />;
  return (
    <ul className="sources">
      {sources.map((s, i) => (
        <li key={i}>
          {'file' in s ? (
            <>
              <Trans
                i18nKey="source.seed"
                values={{ file: seedLabel(s.file), lines: s.lines }}
                components={{ title }}
              />
              {s.section && (
                <>
                  {' — '}
                  <bdi {...dutchAttrs(format.language)}>{s.section}</bdi>
                </>
              )}
            </>
          ) : (
            <>
              <Trans
                i18nKey="source.public"
                values={{ title: s.title, publisher: s.publisher }}
                components={{ title }}
              />
              {s.date && `, ${format.date(s.date)}`}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
