/* global document, location */
// Runs before the first paint (a classic script, allowed by the CSP as it comes from this
// origin): on the start page, index.html's static heading and search field are shown, so a
// worker can type while the app starts (src/app/routes/typed-before-start.ts takes it over).
if (location.pathname === '/') document.documentElement.classList.add('start-shell');
