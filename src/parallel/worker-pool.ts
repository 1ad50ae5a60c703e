import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

const WORKER_HEAP_MB = 160;

/**
 * Render threads for a build with `workers` threads. While pages are written, Pagefind indexes the
 * pages that opt in to search in a process of its own, using most of a core (82–85% of one, sampled
 * at 20,000 articles), and the writing phase goes at its pace: a render thread per core then only
 * competes with it. With one fewer the 4,000-article site was written faster (two pairs of builds)
 * and the 20,000-article one within a second of it, and Node's peak while Pagefind ran was 30–40 MB
 * lower (README, Performance). Without pages to index, every core renders; and once Pagefind has
 * caught up with the pages handed to it (in the shipped theme the article pages, which are planned
 * first), rendering takes the last core back (`WorkerPool.widen`).
 */
export function renderThreadCount(workers: number, indexesPages: boolean): number {
  return indexesPages ? Math.max(1, workers - 1) : workers;
}

/** What the worker threads can do, by exported name in worker-tasks.ts. */
export type TaskName = 'parseBatch' | 'renderBatch';

/**
 * The module worker threads load. When this file runs compiled (lib/, plain `.js`), workers load the
 * compiled tasks directly; under tsx they load a small JavaScript entry that registers tsx first,
 * because a worker thread does not inherit the loader the main thread registered.
 */
function workerFile(): string {
  const compiled = import.meta.url.endsWith('.js');
  return fileURLToPath(new URL(compiled ? './worker-tasks.js' : './worker-tsx.mjs', import.meta.url));
}

/**
 * Each kind of task gets the heap that suits it. A render task keeps nothing once done (a batch of
 * pages, a Liquid engine), so a small heap makes V8 collect often instead of letting garbage grow each
 * thread's memory with the archive: the young generation's default (16 MB here) let each render thread
 * hold about 50 MB of heap for 25 MB in use at 20,000 articles; at 4 MB it holds about 28 MB. Parsing
 * (remark) makes far more short-lived garbage per page, and a 4 MB young generation made it spend a
 * quarter of its time collecting; its threads are stopped before rendering starts, so their larger
 * heaps are never held beside the render threads' (see `WorkerPool`).
 */
const YOUNG_GENERATION_MB: Record<TaskName, number> = { parseBatch: 16, renderBatch: 4 };

/**
 * One pool of threads for the whole build, parsing first and rendering after. Threads start on the
 * first task, not before, and again on the first task after `destroy` (a build stops the parser
 * threads once parsing is done, so their heaps are not carried through rendering; starting two
 * threads again costs about a second, beside the main thread's work). A task of the other kind than
 * the running threads' (see `YOUNG_GENERATION_MB`) waits for them to stop and starts new ones.
 */
export class WorkerPool {
  private pool: Tinypool | undefined;
  private poolKind: TaskName | undefined;
  /** Threads started beside `pool` when its kind was widened while they ran (see `widen`). */
  private extra: Tinypool | undefined;
  /** Each running tinypool's threads and tasks in flight, so a task goes to the less loaded one. */
  private readonly load = new Map<Tinypool, { threads: number; tasks: number }>();
  private stopping: Promise<void> = Promise.resolve();
  /** `threads` for every kind of task, unless `perTask` gives a kind fewer (see `renderThreadCount`). */
  constructor(
    readonly threads: number,
    private readonly perTask: Partial<Record<TaskName, number>> = {},
  ) {}

  /** The threads tasks of this kind run on: between one and `threads`. */
  threadsFor(name: TaskName): number {
    return Math.max(1, Math.min(this.threads, this.perTask[name] ?? this.threads));
  }

  /**
   * From now on tasks of this kind run on every thread: rendering leaves Pagefind a core only while
   * it indexes (see `renderThreadCount`), and once it has caught up that core would stand idle. If
   * threads of this kind are running they go on, and the missing ones start beside them (once: after
   * that the kind has every thread, and widening it again does nothing).
   */
  widen(name: TaskName): void {
    const before = this.threadsFor(name);
    delete this.perTask[name];
    if (this.pool && this.poolKind === name && before < this.threads) this.extra = this.start(name, this.threads - before);
  }

  async run<T>(name: TaskName, task: unknown): Promise<T> {
    if (this.pool && this.poolKind !== name) this.stopping = this.stopThreads();
    await this.stopping;
    if (!this.pool) {
      this.poolKind = name;
      this.pool = this.start(name, this.threadsFor(name));
    }
    const pool = this.extra && this.busyness(this.extra) < this.busyness(this.pool) ? this.extra : this.pool;
    const load = this.load.get(pool)!;
    load.tasks++;
    try {
      return (await pool.run(task, { name })) as T;
    } finally {
      load.tasks--;
    }
  }

  async destroy(): Promise<void> {
    await this.stopThreads();
  }

  private start(name: TaskName, threads: number): Tinypool {
    const pool = new Tinypool({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB[name] },
    });
    this.load.set(pool, { threads, tasks: 0 });
    return pool;
  }

  private busyness(pool: Tinypool): number {
    const load = this.load.get(pool)!;
    return load.tasks / load.threads;
  }

  private async stopThreads(): Promise<void> {
    const pools = [this.pool, this.extra];
    this.pool = undefined;
    this.extra = undefined;
    this.load.clear();
    await Promise.all(pools.map((pool) => pool?.destroy()));
  }
}
