function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
const times = []
for (let i = 0; i < 12; i++) { const t = process.hrtime.bigint(); fib(27); times.push(Number(process.hrtime.bigint() - t) / 1e6) }
console.log(times.slice(6).sort((a, b) => a - b)[3])
