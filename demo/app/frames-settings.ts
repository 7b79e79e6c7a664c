/** Script of `/frames/settings.html`, the document inside the Settings iframe. */

const form = document.getElementById('settings-form');
const status = document.getElementById('settings-status');

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  if (status) status.textContent = 'Saved';
});

form?.addEventListener('input', () => {
  if (status) status.textContent = '';
});
