// Preview stand-in for the platform module "@salesforce/apex". The preview's wire stub has no cache to
// refresh, so refreshApex only resolves, as the platform's does once the data is current.
export function refreshApex() {
  return Promise.resolve();
}
