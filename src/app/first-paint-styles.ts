/**
 * Every stylesheet the app shell, the layout and the start page use, in cascade order
 * (components first, then the theme and the app's own rules). Imported by the entry (boot.ts),
 * so Vite links them from index.html and the static shell paints styled, although the React code
 * that also imports them loads only after that paint. test/e2e/start-up-bundle.test.ts fails
 * when the app or the start page needs a stylesheet that is not in this list.
 */
import '@nl-design-system-candidate/heading-css/heading.css';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import '@nl-design-system-candidate/button-css/button.css';
import '@utrecht/alert-css/dist/index.css';
import '@nl-design-system-candidate/link-css/link.css';
import '@nl-design-system-candidate/skip-link-css/skip-link.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/radio-button-css/dist/index.css';
import './theme/dordrecht.css';
import './styles.css';
