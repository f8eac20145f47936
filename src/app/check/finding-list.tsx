import { useTranslation } from 'react-i18next';
import type { Finding } from '../../domain/check/summarise';
import { Heading } from '../components/typography';

/** One kind of finding under a fundament ("goes well", "needs action"); nothing when empty. */
export function FindingList({ heading, findings }: { heading: string; findings: Finding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <>
      <Heading level={4}>{heading}</Heading>
      <ul>
        {findings.map((x) => (
          <li key={x.key}>{t(x.key, { defaultValue: x.text })}</li>
        ))}
      </ul>
    </>
  );
}
