"""python -m geo.validate [DATA_DIR]: check a data folder (the same as python -m geo.data.validate,
under the name the documentation has always used)."""

import sys

from geo.data.validate import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
