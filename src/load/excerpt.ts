/** The start of a text quoted in a message, at most `max` characters and an ellipsis. */
export function excerpt(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
