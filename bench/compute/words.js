const fs = require("fs")
const counts = new Map()
let total = 0
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
    for (const w of line.split(/\s+/)) { if (w === "") continue; counts.set(w, (counts.get(w) || 0) + 1); total++ }
}
console.log(total, counts.size, counts.get("alpha") || 0)
