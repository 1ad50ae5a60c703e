// What each article record holds in a heap snapshot, field by field, in bytes an article:
//   node --heapsnapshot-signal=SIGUSR2 lib/cli/main.js build -i bench/.work/corpus-20000-42 -o /tmp/out --no-cache
//   (send the process SIGUSR2 once "parsing:" is printed; V8 writes Heap.*.heapsnapshot in the working folder)
//   node --max-old-space-size=8000 scripts/heap-by-field.mjs Heap.*.heapsnapshot
// A record is an object with `slug`, `source` and `bodyHtml` members. Each field counts the objects it reaches
// (up to three steps away) that no record reached before it, so a string or list shared by many records
// (a pooled date, a topic) counts once, and the totals add up to what the records hold.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/heap-by-field.mjs <file.heapsnapshot>');
const snap = JSON.parse(readFileSync(file, 'utf8'));
const meta = snap.snapshot.meta;
const N = meta.node_fields.length;
const E = meta.edge_fields.length;
const nodeType = meta.node_types[0];
const edgeType = meta.edge_types[0];
const { nodes, edges, strings } = snap;
const [T, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
const [ET, EN, ETO] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));

const count = nodes.length / N;
const firstEdge = new Uint32Array(count + 1);
for (let k = 0, at = 0; k < count; k++) {
  firstEdge[k] = at;
  at += nodes[k * N + EDGES] * E;
  firstEdge[k + 1] = at;
}

/** The node's named members (properties and internal fields), as [name, node index]. */
function members(k) {
  const out = [];
  for (let j = firstEdge[k]; j < firstEdge[k + 1]; j += E) {
    const type = edgeType[edges[j + ET]];
    if (type === 'property' || type === 'internal') out.push([strings[edges[j + EN]], edges[j + ETO] / N]);
  }
  return out;
}

const seen = new Uint8Array(count);
/** Bytes reachable from node k within `depth` steps that nothing counted before. */
function reach(k, depth) {
  if (seen[k]) return 0;
  seen[k] = 1;
  let bytes = nodes[k * N + SIZE];
  if (depth === 0) return bytes;
  for (let j = firstEdge[k]; j < firstEdge[k + 1]; j += E) {
    const type = edgeType[edges[j + ET]];
    const to = edges[j + ETO] / N;
    const toType = nodeType[nodes[to * N + T]];
    if (type === 'weak' || toType === 'code' || toType === 'closure' || toType === 'hidden') continue;
    if (type !== 'element' && (strings[edges[j + EN]] === 'map' || strings[edges[j + EN]] === '__proto__')) continue;
    bytes += reach(to, depth - 1);
  }
  return bytes;
}

const byField = new Map();
let records = 0;
for (let k = 0; k < count; k++) {
  if (nodeType[nodes[k * N + T]] !== 'object' || strings[nodes[k * N + NAME]] !== 'Object') continue;
  const fields = members(k);
  const names = new Set(fields.map(([name]) => name));
  if (!names.has('slug') || !names.has('source') || !names.has('bodyHtml')) continue;
  records++;
  seen[k] = 1;
  byField.set('(the record object)', (byField.get('(the record object)') ?? 0) + nodes[k * N + SIZE]);
  for (const [name, to] of fields) {
    if (name === 'map' || name === '__proto__') continue;
    byField.set(name, (byField.get(name) ?? 0) + reach(to, 3));
  }
}
let total = 0;
console.log(`${records} records`);
for (const [name, bytes] of [...byField].sort((a, b) => b[1] - a[1])) {
  total += bytes;
  if (bytes / records >= 1) console.log(`${String(Math.round(bytes / records)).padStart(6)} B an article  ${name}`);
}
console.log(`${String(Math.round(total / records)).padStart(6)} B an article  in all`);
