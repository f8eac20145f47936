import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';

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
      <h2>{title}</h2>
      <ul className="inline-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={href(item.id)}>
              <bdi {...dutchAttrs(language)}>{item.name}</bdi>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
