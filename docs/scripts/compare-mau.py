# docs/validation.md, calibration of reach: python3 docs/scripts/compare-mau.py WITH_SHOCKS_DIR WITHOUT_DIR 4 3
# Per-quarter predictive error of two posterior calibration folders (fit.csv) and a BIC from posterior.csv.
import csv, math, sys
a, b = sys.argv[1], sys.argv[2]          # with shocks, without
ka, kb = int(sys.argv[3]), int(sys.argv[4])  # parameters that act, error scale included
def fit(d): return list(csv.DictReader(open(f'{d}/fit.csv')))
fa, fb = fit(a), fit(b)
print('| quarter | observed (M) | with shocks: predicted (M) | error (M) | without: predicted (M) | error (M) |')
print('|---|---|---|---|---|---|')
sa = sb = 0
for x, y in zip(fa, fb):
    o = float(x['value']); pa = float(x['predictive_median']); pb = float(y['predictive_median'])
    sa += (pa - o) ** 2; sb += (pb - o) ** 2
    print(f"| {x['label']} | {o/1e6:,.0f} | {pa/1e6:,.0f} | {(pa-o)/1e6:+,.1f} | {pb/1e6:,.0f} | {(pb-o)/1e6:+,.1f} |")
n = len(fa)
print(f'RMS error: with shocks {math.sqrt(sa/n)/1e6:.1f} M, without {math.sqrt(sb/n)/1e6:.1f} M (n = {n})')
for label, rows in (('2018Q2-2019Q4', range(8, 15)),):
    ra = math.sqrt(sum((float(fa[i]['predictive_median']) - float(fa[i]['value']))**2 for i in rows)/len(rows))
    rb = math.sqrt(sum((float(fb[i]['predictive_median']) - float(fb[i]['value']))**2 for i in rows)/len(rows))
    print(f'RMS over {label}: with {ra/1e6:.1f} M, without {rb/1e6:.1f} M')
def maxll(d): return max(float(r['log_likelihood']) for r in csv.DictReader(open(f'{d}/posterior.csv')))
la, lb = maxll(a), maxll(b)
bic_a, bic_b = -2 * la + ka * math.log(n), -2 * lb + kb * math.log(n)
print(f'max log-likelihood over the draws: with {la:.2f}, without {lb:.2f}; BIC with {bic_a:.1f} (k={ka}), without {bic_b:.1f} (k={kb}); BIC(without) - BIC(with) = {bic_b-bic_a:.1f}')
