import { Link } from 'react-router';

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
  if (items.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul className="inline-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={href(item.id)}>{item.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
