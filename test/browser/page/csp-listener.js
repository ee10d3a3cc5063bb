// Loaded first on every page: records every Content-Security-Policy violation the page reports.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push({ directive: event.effectiveDirective || event.violatedDirective, blockedURI: event.blockedURI, sample: event.sample });
});
