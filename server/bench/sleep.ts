/** Waits `ms` (none when it is negative: a deadline already passed). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
