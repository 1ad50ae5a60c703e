// Served to pages by `news-archive dev` (never part of a real build). Shows the last build's errors
// as an overlay over the page, and removes it when a build succeeds. The page reload itself is done
// by @11ty/eleventy-dev-server's own client; this only listens on the same socket.
const OVERLAY_ID = 'news-archive-error-overlay';
const statusUrl = new URL('status.json', import.meta.url);

function show(text) {
  let box = document.getElementById(OVERLAY_ID);
  if (!box) {
    box = document.createElement('div');
    box.id = OVERLAY_ID;
    box.setAttribute('role', 'alert');
    box.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;' +
      'font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;white-space:pre-wrap';
    const title = document.createElement('h2');
    title.textContent = 'Build failed — the page below is from the last good build';
    title.style.cssText = 'color:#ff8a80;font:bold 18px/1.3 system-ui,sans-serif;margin:0 0 1rem';
    const body = document.createElement('pre');
    body.style.cssText = 'margin:0;white-space:pre-wrap';
    const hint = document.createElement('p');
    hint.textContent = 'Fix the file and save: the page recovers by itself.';
    hint.style.cssText = 'color:#bbb;font:14px system-ui,sans-serif;margin-top:1rem';
    box.append(title, body, hint);
    document.body.append(box);
  }
  // textContent, never innerHTML: error messages quote article text, which is untrusted.
  box.querySelector('pre').textContent = text;
}

function hide() {
  document.getElementById(OVERLAY_ID)?.remove();
}

async function syncWithServer() {
  try {
    const status = await (await fetch(statusUrl, { cache: 'no-store' })).json();
    if (status.ok) hide();
    else show(status.errors);
  } catch {
    // The server is restarting; the socket's reconnect brings the page back.
  }
}

function connect() {
  const socket = new WebSocket(location.origin.replace(/^http/, 'ws'));
  socket.addEventListener('message', (event) => {
    const data = JSON.parse(event.data);
    if (data.type === 'eleventy.error') show(JSON.parse(data.error).message);
    else if (data.type === 'eleventy.reload') hide();
  });
  socket.addEventListener('open', syncWithServer);
  socket.addEventListener('close', () => setTimeout(connect, 1000));
}

connect();
