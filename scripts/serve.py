"""Start the app: `python scripts/serve.py [streamlit run options]`.

app.py declares its pages with st.navigation; `pages_from_navigation_only` makes Streamlit
know it before the first request, so a first deep link such as /data finds its page.

On an address open to every interface, Streamlit's welcome message asks a public service for
the machine's external address: nothing may leave the machine, so that message gives way to
one that names the machine without asking anyone.
"""

import socket
import sys
from pathlib import Path

from streamlit.web import cli

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
EVERY_INTERFACE = {"0.0.0.0", "::"}


def option(args: list[str], name: str) -> str | None:
    """The value given to `--name` in `args` (as `--name value` or `--name=value`)."""
    for number, arg in enumerate(args):
        if arg == f"--{name}" and number + 1 < len(args):
            return args[number + 1]
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return None


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from navigation import pages_from_navigation_only

    pages_from_navigation_only()
    args = sys.argv[1:]
    if option(args, "server.address") in EVERY_INTERFACE:
        port = option(args, "server.port") or "8501"
        print(f"Serving on every interface: open http://{socket.gethostname()}:{port} from another machine", flush=True)
        args = [*args, "--logger.hideWelcomeMessage", "true"]
    sys.argv = ["streamlit", "run", str(APP), *args]
    sys.exit(cli.main())
