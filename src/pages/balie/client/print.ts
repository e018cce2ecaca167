// The printed confirmation's one button (no inline script: the page's CSP allows none).
document.querySelector('#print')?.addEventListener('click', () => window.print());
