import { useTranslation } from 'react-i18next';
import { BARRIER_HELP } from '../../domain/toekomst/barrier-help';
import type { BarrierHelp } from '../../domain/toekomst/barrier-help';
import type { Barrier } from '../../domain/toekomst/vocabulary';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { ButtonLink } from '../components/button';
import { Heading } from '../components/typography';

function hrefFor(help: BarrierHelp, wijk: string | undefined): string {
  switch (help.kind) {
    case 'check':
      return paths.checkNew.href();
    case 'signal':
      return paths.newSignal.href({ categorie: help.category, wijk });
    case 'regeling':
      return paths.regeling.href(help.id);
  }
}

/** Each barrier with the help that tackles it, one tap away (a check, a signal, schuldhulp, taalcafé). */
export function BarrierHelpList({
  barriers,
  wijk,
}: {
  barriers: readonly Barrier[];
  wijk: string | undefined;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  if (barriers.length === 0) return null;
  const label = (help: BarrierHelp) => {
    if (help.kind === 'check') return t('toekomst.help.check');
    if (help.kind === 'signal')
      return t('toekomst.help.signal', {
        category: t(`signals.category.${help.category}`, { defaultValue: help.category }),
      });
    const name = catalogue.regelingen.find((r) => r.id === help.id)?.name ?? help.id;
    return t('toekomst.help.regeling', { name });
  };
  return (
    <section aria-labelledby="barrier-help">
      <Heading level={2} id="barrier-help">
        {t('toekomst.help.title')}
      </Heading>
      <ul className="card-list">
        {barriers.map((b) => (
          <li key={b} className="card">
            <Heading level={3} className="card-title">
              {t(`toekomst.barrier.${b}`)}
            </Heading>
            <ul className="link-row">
              {BARRIER_HELP[b].map((help) => (
                <li
                  key={`${help.kind}-${'id' in help ? help.id : 'category' in help ? help.category : ''}`}
                >
                  <ButtonLink purpose="secondary" to={hrefFor(help, wijk)}>
                    {label(help)}
                  </ButtonLink>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
