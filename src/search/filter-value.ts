/**
 * A tag or topic made safe as a Pagefind filter value. Pagefind's default UI puts filter values into
 * the page as HTML (its filter labels are set with innerHTML), and Pagefind decodes entities in the
 * values it captures, once from text and twice from attributes, so HTML-escaping cannot protect them:
 * a tag named `<img src=x onerror=…>` would run script on the search page. Filter values therefore
 * never contain `<`, `>` or `&`: they become look-alikes that cannot open a tag or an entity.
 */
export function searchFilterValue(text: string): string {
  return text.replace(/[<>&]/g, (c) => LOOK_ALIKES[c]!).replace(/\s+/g, ' ').trim();
}

const LOOK_ALIKES: Record<string, string> = { '<': '‹', '>': '›', '&': '＆' };
