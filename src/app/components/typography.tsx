import { Heading as NlHeading, type HeadingProps } from '@nl-design-system-candidate/heading-react';
import '@nl-design-system-candidate/heading-css/heading.css';
import {
  Paragraph as NlParagraph,
  type ParagraphProps,
} from '@nl-design-system-candidate/paragraph-react';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import { forwardRef } from 'react';

/** The NL Design System heading (candidate): the level is the document outline, not the look. */
export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading(props, ref) {
  return <NlHeading ref={ref} {...props} />;
});

/** The NL Design System paragraph (candidate); `purpose="lead"` for a page's opening line. */
export const Paragraph = forwardRef<HTMLParagraphElement, ParagraphProps>(
  function Paragraph(props, ref) {
    return <NlParagraph ref={ref} {...props} />;
  },
);
