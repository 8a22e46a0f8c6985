const xs = []
let x = 12345n
for (let i = 0; i < 200000; i++) { x = (x * 1103515245n + 12345n) % 2147483648n; xs.push(Number(x)) }
const s = xs.sort((a, b) => a - b)
console.log(s[0], s[100000], s[199999])
