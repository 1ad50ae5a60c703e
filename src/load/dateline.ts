/**
 * A dateline opens the body: `Moscow, Russia —`, `WASHINGTON --`, `St. Petersburg, Fla. –`.
 * It is a short place name (at most six words, starting with a capital) followed by an em dash,
 * en dash or a double hyphen. Anything longer is prose that happens to contain a dash.
 */
const DATELINE = /^(\p{Lu}[\p{L}\p{M}.,'’ ()-]{0,58}?)\s*(?:—|–|--)\s+/u;

export function splitDateline(body: string): { dateline?: string; rest: string } {
  const m = DATELINE.exec(body);
  if (!m) return { rest: body };
  const place = m[1]!.trim().replace(/,$/, '');
  if (place.split(/\s+/).length > 6) return { rest: body };
  return { dateline: place, rest: body.slice(m[0].length) };
}
