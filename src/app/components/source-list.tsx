import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  return (
    <ul className="sources">
      {sources.map((s, i) => (
        <li key={i}>
          {'file' in s
            ? t('source.seed', { file: seedLabel(s.file), lines: s.lines }) +
              (s.section ? ` — ${s.section}` : '')
            : t('source.public', { title: s.title, publisher: s.publisher }) +
              (s.date ? `, ${s.date}` : '')}
        </li>
      ))}
    </ul>
  );
}
