// Applies the saved colour theme before the first paint, so a dark-mode user never sees a white
// flash. A separate file rather than an inline script: the API's CSP allows only script-src 'self'.
try {
  const theme = localStorage.getItem('saa-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage may be unavailable; the system preference then applies.
}
