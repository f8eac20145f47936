/**
 * An arrow that points the way the reader goes: "back" points to the start of the line, so in Arabic
 * (right to left) it points right. Decorative, so screen readers skip it; the link text says where to.
 */
export function DirArrow({ to }: { to: 'back' | 'forward' }) {
  return (
    <span className="dir-arrow" aria-hidden="true">
      {to === 'back' ? '←' : '→'}
    </span>
  );
}
