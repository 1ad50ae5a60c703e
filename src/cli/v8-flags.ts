import v8 from 'node:v8';

/**
 * V8's settings for the whole process, worker threads included (V8's flags belong to the process),
 * set before the build's code is compiled: the command line imports this module first.
 *
 * No optimised code for functions named `compiler`. In each parser thread, V8's optimising compiler
 * spent about a second of CPU (1,028 and 1,073 ms, `node --trace-opt`) in escape analysis of one
 * small function, `compiler` in mdast-util-from-markdown (remark's parser: it makes a hundred
 * closures and is called once per Markdown file), on cores the parser threads need. Left to the
 * baseline compiler it costs microseconds a file. Parsing the 4,000-article bench corpus took
 * 3.30–3.83 s against 4.14–4.33 s (three pairs), the 20,000-article one 9.38–11.42 s against
 * 10.04–12.01 s (five pairs, four faster). Turning escape analysis off everywhere instead made the
 * larger parse slower (docs/performance-history.md). The only other function of that name in the
 * build is remark-html's, a three-call wrapper.
 */
try {
  v8.setFlagsFromString('--turbo-filter=-compiler');
} catch {
  // A speed setting only: a Node that refuses flags at run time builds the same site.
}
