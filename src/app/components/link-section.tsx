import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';
import { AppLink } from './app-link';
import { Heading } from './typography';

/** A titled row of links to catalogue records (wijken, programmes, regelingen); nothing when empty. */
export function LinkSection({
  title,
  items,
  href,
}: {
  title: string;
  items: readonly { id: string; name: string }[];
  href: (id: string) => string;
}) {
  const { language } = useFormat();
  if (items.length === 0) return null;
  return (
    <section>
      <Heading level={2}>{title}</Heading>
      <ul className="inline-list">
        {items.map((item) => (
          <li key={item.id}>
            <AppLink to={href(item.id)}>
              <bdi {...dutchAttrs(language)}>{item.name}</bdi>
            </AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
