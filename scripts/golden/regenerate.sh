#!/usr/bin/env bash
# Regenerates every golden reference file in test/golden/ from its source tool.
#
# Needs the Debian packages `gnumeric` (ssconvert) and `quantlib-python`
# (QuantLib bindings for Debian's /usr/bin/python3, not a pyenv/venv python):
#   apt-get install -y --no-install-recommends gnumeric quantlib-python
# Run from anywhere:  bash scripts/golden/regenerate.sh
# The outputs are deterministic (fixed seeds), so a re-run on the same tool
# versions reproduces the committed files byte for byte.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1

command -v ssconvert >/dev/null || { echo "ssconvert not found: apt-get install gnumeric" >&2; exit 1; }
"$py" -c 'import QuantLib' 2>/dev/null || { echo "QuantLib not importable by $py: apt-get install quantlib-python" >&2; exit 1; }

for script in \
  yearfrac_gnumeric.py \
  duration_gnumeric.py \
  annuity_gnumeric.py \
  curves_quantlib.py \
  analytics_quantlib.py \
  bootstrap_quantlib.py \
  irrbb_eve_quantlib.py irrbb_outlier.py irrbb_nii.py calendar_quantlib.py schedule_quantlib.py; do
  echo "== $script"
  "$py" "$here/$script"
done
