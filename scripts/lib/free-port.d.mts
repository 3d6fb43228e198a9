/** A TCP port free on the loopback interface right now (for test servers and databases). */
export function freePort(): Promise<number>;
