"""``python -m vendordesk``: the same as the ``vendordesk`` command."""

import sys

from vendordesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
