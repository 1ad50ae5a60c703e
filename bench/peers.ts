import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The peers' sites. Hugo and Eleventy cannot read the seed `.txt` format, so each gets a converted
 * copy of the corpus: every file becomes Markdown with YAML front matter (`.md` files keep theirs and
 * gain a slug). The conversion runs before, and outside, the timed builds.
 */

function listCorpus(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listCorpus(dir, r));
    else out.push(r);
  }
  return out;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** One corpus file as Markdown with front matter (title, date, slug), as Hugo and Eleventy read it. */
export function toFrontMatterMarkdown(relative: string, text: string): string {
  const slug = path.basename(relative).replace(/\.\w+$/, '');
  if (relative.endsWith('.md')) return text.replace(/^---\n/, `---\nslug: "${slug}"\n`);
  const m = /^\s*date\s+(\S+)\s+(.*)$/m.exec(text)!;
  const date = m[1]!;
  const rest = text.slice(text.indexOf(m[2]!)).trim();
  const dash = rest.indexOf(' — ');
  const dateline = dash > 0 && dash < 60 ? rest.slice(0, dash) : '';
  const body = dateline ? rest.slice(dash + 3) : rest;
  const title = body.split(/[.!?]\s/)[0]!.split(/\s+/).slice(0, 12).join(' ');
  return `---\ntitle: ${yamlString(title)}\ndate: ${date}\nslug: "${slug}"\ndateline: ${yamlString(dateline)}\n---\n\n${body}\n`;
}

function writeConverted(corpusDir: string, contentDir: string): void {
  const made = new Set<string>();
  for (const rel of listCorpus(corpusDir)) {
    const target = path.join(contentDir, rel.replace(/\.txt$/, '.md'));
    const dir = path.dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    writeFileSync(target, toFrontMatterMarkdown(rel, readFileSync(path.join(corpusDir, rel), 'utf8')));
  }
}

const HUGO_CONFIG = `baseURL = "http://localhost:8080/"
title = "Bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "section", "robotsTXT", "404"]
[permalinks]
  posts = "/:year/:month/:day/:slug/"
`;
const HUGO_SINGLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>{{ .Content }}</body></html>\n`;
const HUGO_INDEX = `<!doctype html><html><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head><body>{{ range .Site.RegularPages.GroupByDate "2006-01-02" }}<h2>{{ .Key }}</h2><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</body></html>\n`;

/** A Hugo site: the converted corpus under content/posts, an article template and one date index (the home page). */
export function writeHugoSite(corpusDir: string, siteDir: string): void {
  writeConverted(corpusDir, path.join(siteDir, 'content/posts'));
  mkdirSync(path.join(siteDir, 'layouts/_default'), { recursive: true });
  writeFileSync(path.join(siteDir, 'config.toml'), HUGO_CONFIG);
  writeFileSync(path.join(siteDir, 'layouts/_default/single.html'), HUGO_SINGLE);
  writeFileSync(path.join(siteDir, 'layouts/index.html'), HUGO_INDEX);
}

const ELEVENTY_CONFIG = `module.exports = function (config) {
  config.addFilter('isoDate', (d) => d.toISOString().slice(0, 10));
  return { dir: { input: 'src', output: '_site' }, markdownTemplateEngine: false };
};
`;
const ELEVENTY_DATA = `module.exports = {
  layout: 'article.liquid',
  tags: 'post',
  permalink: (data) => \`/\${data.page.date.toISOString().slice(0, 10).replaceAll('-', '/')}/\${data.slug}/\`,
};
`;
const ELEVENTY_LAYOUT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><h1>{{ title }}</h1><time datetime="{{ page.date | isoDate }}">{{ page.date | isoDate }}</time>{{ content }}</body></html>\n`;
const ELEVENTY_INDEX = `---
permalink: /index.html
---
<!doctype html><html><head><meta charset="utf-8"><title>Bench</title></head><body><ul>{% for p in collections.post %}<li>{{ p.date | isoDate }} <a href="{{ p.url }}">{{ p.data.title }}</a></li>{% endfor %}</ul></body></html>
`;

/** An Eleventy site with the same converted content, an article layout and one date index. */
export function writeEleventySite(corpusDir: string, siteDir: string): void {
  writeConverted(corpusDir, path.join(siteDir, 'src/posts'));
  mkdirSync(path.join(siteDir, 'src/_includes'), { recursive: true });
  writeFileSync(path.join(siteDir, 'eleventy.config.cjs'), ELEVENTY_CONFIG);
  writeFileSync(path.join(siteDir, 'src/posts/posts.11tydata.cjs'), ELEVENTY_DATA);
  writeFileSync(path.join(siteDir, 'src/_includes/article.liquid'), ELEVENTY_LAYOUT);
  writeFileSync(path.join(siteDir, 'src/index.liquid'), ELEVENTY_INDEX);
}
