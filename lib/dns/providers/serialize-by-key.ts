// Runs tasks that share a key one after another (and others side by side). A
// read-modify-write of one DNS name must not interleave with another in this process,
// or the second write drops the value the first one added.

export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    // The queue only needs to know when the task is over; its result or error goes to
    // the caller through `run`.
    const over = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, over);
    void over.then(() => {
      if (tails.get(key) === over) tails.delete(key);
    });
    return run;
  };
}
