/** The place a zone is named after, as people read it: `America/Los_Angeles` → `Los Angeles`. */
export const zonePlace = (zone: string): string =>
  (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

/** Several zones as one phrase: `Denver or Phoenix`, `Guernsey, Isle of Man or London`. */
export function zonePlaces(zones: readonly string[]): string {
  const places = zones.map(zonePlace);
  return places.length > 1
    ? `${places.slice(0, -1).join(', ')} or ${places[places.length - 1]}`
    : (places[0] ?? '');
}
