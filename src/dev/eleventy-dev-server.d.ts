// The parts of @11ty/eleventy-dev-server (CommonJS, untyped) that the dev command uses.
declare module '@11ty/eleventy-dev-server' {
  import type { Server } from 'node:http';

  export interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    portReassignmentRetryCount?: number;
    domDiff?: boolean;
    showVersion?: boolean;
    messageOnStart?: (info: { localhostUrl: string }) => string | false;
    logger?: { info(msg: string): void; log(msg: string): void; error(msg: string): void };
    onRequest?: Record<string, (req: { url: URL }) => string | { status?: number; headers?: Record<string, string>; body?: string } | undefined>;
  }

  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    serve(port: number): void;
    ready(): Promise<void>;
    getServerUrl(host: string, pathname?: string): string;
    /** Tells open pages these output files changed (absolute paths under `dir`): they reload, or morph HTML in place. */
    reloadFiles(files: string[], useDomDiffingForHtml?: boolean): void;
    reload(event?: { files?: string[]; subtype?: string }): void;
    /** Broadcasts an `eleventy.error` message to open pages. */
    sendError(event: { error: Error }): void;
    close(): Promise<void>;
    readonly server: Server;
  }
}
