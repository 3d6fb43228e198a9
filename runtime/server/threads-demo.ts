/**
 * The threads lesson's claims as programs, shared by the tests and `npm run bench`. Each prints
 * one JSON line of timings (seconds, measured inside Python) or counts.
 */

/** Four threads that each sleep 0.5 s: about 0.5 s in all, because sleeping releases the GIL. */
export const FOUR_THREADS_SLEEPING = `
import json, threading, time
start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.5,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"elapsed": time.perf_counter() - start}))
`;

/**
 * The same CPU-bound work run sequentially, in four threads (the GIL), and in four processes.
 * For each: the wall time and the CPU time it used (the process's own for the first two, the
 * pool workers' for processes), from the fastest of three rounds. CPU time per wall second is
 * how many cores were busy: at most one with threads, whatever else the machine is doing.
 */
export const CPU_BOUND_THREE_WAYS = `
import json, os, threading, time
from concurrent.futures import ProcessPoolExecutor

N = 5_000_000

def work(n=N):
    total = 0
    for i in range(n):
        total += i
    return total

def sequential():
    for _ in range(4):
        work()

def in_threads():
    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

def in_processes():
    with ProcessPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, [N] * 4))

def cpu():
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system

work(100_000)  # warm up
best = {}
for _ in range(3):
    for name, run in (("sequential", sequential), ("threads", in_threads), ("processes", in_processes)):
        wall, used = time.perf_counter(), cpu()
        run()
        wall, used = time.perf_counter() - wall, cpu() - used
        if name not in best or wall < best[name]:
            best[name], best[name + "_cpu"] = wall, used
print(json.dumps(best))
`;

/**
 * Four threads add 1 to a shared counter 1,000 times each without a lock: each reads the
 * counter, lets the others run (`time.sleep(0)`), then writes back, so updates are lost. (A bare
 * `counter += 1` rarely loses updates on CPython 3.10+, which switches threads less often.)
 */
export const LOST_UPDATES = `
import json, threading, time
counter = 0

def work():
    global counter
    for _ in range(1000):
        value = counter
        time.sleep(0)
        counter = value + 1

threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"expected": 4000, "counter": counter}))
`;
