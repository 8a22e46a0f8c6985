xs = []
x = 12345
for i in range(200000):
    x = (x * 1103515245 + 12345) % 2147483648
    xs.append(x)
s = sorted(xs)
print(s[0], s[100000], s[199999])
