/**
 * Whether the runtime knows an IANA time zone name (Intl, so the config needs no date library).
 * UTC needs no check, which spares every start the cost of loading the time-zone data.
 */
export function isValidTimeZone(zone: string): boolean {
  const name = zone.trim();
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}
