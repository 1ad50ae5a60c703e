/** Where the dev server serves its overlay script and build status, under the site's base path. */
export const DEV_ROUTE = '/.news-archive/';

/**
 * Adds the overlay script to every HTML page the dev server writes, so a failed rebuild can show
 * its errors over the page. Only `dev` output gets it; `build` never does.
 */
export function injectOverlayScript(basePath: string): (relativePath: string, data: string | Uint8Array) => string | Uint8Array {
  const tag = `<script type="module" src="${basePath}${DEV_ROUTE.slice(1)}overlay.js"></script>`;
  return (relativePath, data) => {
    if (!relativePath.endsWith('.html') || typeof data !== 'string') return data;
    const at = data.indexOf('</head>');
    return at === -1 ? `${tag}\n${data}` : `${data.slice(0, at)}${tag}\n${data.slice(at)}`;
  };
}

/** What the browser shows while the very first build has failed: the overlay over an empty page. */
export const FIRST_BUILD_FAILED_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Build failed</title>\n</head>\n' +
  '<body>\n<p>The first build failed. The errors are in the terminal; fix them and this page updates by itself.</p>\n</body>\n</html>\n';
