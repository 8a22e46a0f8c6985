import sys
counts = {}
total = 0
for line in open(sys.argv[1]).read().splitlines():
    for w in line.split():
        counts[w] = counts.get(w, 0) + 1
        total += 1
print(total, len(counts), counts.get("alpha", 0))
