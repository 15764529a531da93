#!/usr/bin/env python3
"""Writes illustrative-2026-2035.csv and plans/<ISO3>.csv: ILLUSTRATIVE demo figures, NOT NATO's published figures and
not any government's plan. The whole set is loaded by `PW_DEMO=1 ./pledgewatch up`, so that every measure and every
briefing page has something to show, with credible and non-credible Hague plans side by side; the per-nation files are
samples a delegation can check or import as its own nation (README, "A walk-through"). Rerun to regenerate
(deterministic)."""
import os
import csv

NOTE = "ILLUSTRATIVE demo figures (not NATO's, not any government's) from launcher/demo"
YEARS = list(range(2026, 2036))

# iso3: currency, GDP 2026 (national units), nominal growth, usdRate, population, military personnel,
#       price index 2026 (2021 = 100), inflation, equipment share of D, Ukraine share of D,
#       core% by year (2026..2035), related% by year, years left out (an incomplete plan)
def ramp(a, b):
    return [round(a + (b - a) * i / 9, 3) for i in range(10)]

NATIONS = {
    "POL": ("PLN", 3_900e9, 0.045, 3.90, 36_600_000, 216_000, 138.0, 0.030, 0.48, 0.020, ramp(4.60, 4.80), ramp(0.30, 1.20), []),
    "EST": ("EUR", 41e9, 0.035, 0.92, 1_370_000, 7_700, 131.0, 0.025, 0.38, 0.030, ramp(3.50, 3.70), ramp(0.40, 1.50), []),
    "FIN": ("EUR", 285e9, 0.030, 0.92, 5_600_000, 24_000, 118.0, 0.020, 0.33, 0.012, ramp(3.00, 3.60), ramp(0.50, 1.50), []),
    "NLD": ("EUR", 1_150e9, 0.030, 0.92, 18_000_000, 42_000, 122.0, 0.021, 0.28, 0.011, ramp(2.60, 3.55), ramp(0.60, 1.50), []),
    "GBR": ("GBP", 2_900e9, 0.035, 0.78, 69_000_000, 183_000, 121.0, 0.022, 0.27, 0.010, ramp(2.55, 3.50), ramp(0.70, 1.50), []),
    "USA": ("USD", 31_000e9, 0.040, None, 342_000_000, 1_300_000, 119.0, 0.022, 0.30, 0.000, ramp(3.30, 3.55), ramp(1.00, 1.50), []),
    # Not credible, each for another reason:
    "ITA": ("EUR", 2_250e9, 0.025, 0.92, 58_900_000, 161_000, 117.0, 0.018, 0.22, 0.004, ramp(2.05, 2.60), ramp(0.40, 0.60), []),
    "ESP": ("EUR", 1_650e9, 0.035, 0.92, 48_600_000, 120_000, 119.0, 0.020, 0.24, 0.003,
            [2.20, 2.35, 2.50, 2.40, 2.70, 2.90, 3.10, 3.30, 3.45, 3.55], ramp(0.40, 1.50), []),
    "FRA": ("EUR", 3_050e9, 0.030, 0.92, 68_600_000, 205_000, 118.0, 0.019, 0.26, 0.003, ramp(2.20, 3.20), ramp(0.30, 1.30), []),
    "CAN": ("CAD", 3_150e9, 0.035, 1.37, 41_500_000, 68_000, 120.0, 0.021, 0.20, 0.004, ramp(2.20, 3.50), ramp(0.50, 1.50),
            [2033, 2034, 2035]),
}

COLUMNS = ["country", "year", "status", "currency", "gdp", "defence_total", "defence_equipment", "defence_personnel",
           "defence_infrastructure", "defence_other", "defence_ukraine_support", "related_critical_infrastructure",
           "related_cyber_and_networks", "related_civil_preparedness", "related_innovation", "related_industrial_base",
           "usd_rate", "population", "military_personnel", "price_index", "note"]

def rows():
    for iso3, (cur, gdp26, growth, rate, pop, mil, pi26, infl, eq, ua, core, related, gaps) in NATIONS.items():
        for i, year in enumerate(YEARS):
            if year in gaps:
                continue
            gdp = round(gdp26 * (1 + growth) ** i, -6)
            d = round(gdp * core[i] / 100)
            equipment = round(d * eq)
            personnel = round(d * 0.38)
            infrastructure = round(d * 0.08)
            other = d - equipment - personnel - infrastructure
            rel = round(gdp * related[i] / 100)
            status = "BUDGET" if year == 2026 else "PLAN"
            yield iso3, [iso3, year, status, cur, int(gdp), d, equipment, personnel, infrastructure, other, round(d * ua),
                        round(rel * 0.4), round(rel * 0.3), round(rel * 0.2), rel - round(rel * 0.4) - round(rel * 0.3)
                        - round(rel * 0.2), 0, "" if rate is None else rate, round(pop * (1.002 ** i)),
                        round(mil * (1.01 ** i)), round(pi26 * (1 + infl) ** i, 2), NOTE]


def write(path, selected):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(selected)


all_rows = list(rows())
write("illustrative-2026-2035.csv", [r for _, r in all_rows])
os.makedirs("plans", exist_ok=True)
for nation in NATIONS:
    write(os.path.join("plans", nation + ".csv"), [r for iso3, r in all_rows if iso3 == nation])
