"""Exit 0 when the app answers on its health endpoint (for container health checks)."""

import os
import sys
import urllib.request

base = os.environ.get("BASE_PATH", "").strip("/")
url = f"http://127.0.0.1:{os.environ.get('PORT', '8501')}/{base + '/' if base else ''}_stcore/health"
try:
    sys.exit(0 if urllib.request.urlopen(url, timeout=4).read() == b"ok" else 1)
except OSError:
    sys.exit(1)
