# docs/validation.md, what the beta-eps ridge changes (run from the repository root after dotnet build -c Release):
#   python3 docs/scripts/view-as-drop.py POSTERIOR_FOLDER 30
# The View As hack's reputation drop (events.csv, step 128) at posterior draws of the Ponemon calibration.
import csv, random, subprocess, sys, os, re, statistics
post = sys.argv[1]; n = int(sys.argv[2])
rows = list(csv.DictReader(open(os.path.join(post, 'posterior.csv'))))
random.seed(17)
picked = random.sample(rows, n)
# plus three points along the ridge: the draws nearest the 2.5%, 50%, 97.5% quantiles of beta
betas = sorted(float(r['platform.sensitivity']) for r in rows)
for q in (0.025, 0.5, 0.975):
    b = betas[int(q * (len(betas) - 1))]
    picked.append(min(rows, key=lambda r: abs(float(r['platform.sensitivity']) - b)))
keys = ['platform.sensitivity', 'platform.salience_exponent', 'platform.fast_share', 'platform.fast_recovery', 'shocks.1.severity']
out = []
for i, r in enumerate(picked):
    d = f'output/view-as-drop/r{i}'
    subprocess.run(['rm', '-rf', d])
    cmd = ['dotnet', 'Simulation/bin/Release/net10.0/trustsim.dll', 'run', 'scenarios/calibrate-ponemon.yaml',
           '--replications', '1', '--out', d] + sum([['--set', f'{k}={r[k]}'] for k in keys], [])
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    drop = None
    for e in csv.DictReader(open(os.path.join(d, 'events.csv'))):
        if e['subject'] == 'hack' and e['step'] == '128':
            drop = float(re.search(r'drop=([0-9.eE+-]+)', e['detail']).group(1))
    out.append((r, drop))
    subprocess.run(['rm', '-rf', d])
drops = sorted(x[1] for x in out[:n])
print(f'{n} random posterior draws: View As drop median {statistics.median(drops):.3f}, '
      f'range [{drops[0]:.3f}, {drops[-1]:.3f}], central 95% [{drops[int(0.025*(n-1))]:.3f}, {drops[int(0.975*(n-1))]:.3f}]')
for r, drop in out[n:]:
    print('ridge point: ' + ', '.join(f'{k.split(".")[-1]}={float(r[k]):.3f}' for k in keys) + f' -> View As drop {drop:.3f}')
