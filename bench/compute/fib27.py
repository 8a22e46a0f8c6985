import time
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
times = []
for i in range(12):
    t = time.perf_counter(); fib(27); times.append((time.perf_counter() - t) * 1000)
print(sorted(times[6:])[3])
