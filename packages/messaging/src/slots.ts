// A counting semaphore: how many batch transactions a service runs at once, whichever consumer
// they belong to. A lane waits for a slot before it takes its batch, so messages that arrive
// meanwhile join that batch instead of waiting for a pool connection in a batch of their own.

export interface Slots {
  acquire(): Promise<void>;
  release(): void;
}

export function createSlots(size: number): Slots {
  let free = Math.max(1, size);
  const waiting: (() => void)[] = [];
  return {
    acquire() {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}
