"""Colours shared by layers, charts and legends, so a group or series reads the same everywhere."""

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000")
# Imported names without a row in groups.csv, and any group without a colour of its own.
UNKNOWN_COLOR = "#999999"
# Countries beyond the most hit, stacked together.
OTHER_COLOR = "#bbbbbb"
