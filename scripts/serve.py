"""Start the app: `python scripts/serve.py [streamlit run options]`.

app.py declares its pages with st.navigation. Streamlit decides on the first request after
start whether a `pages/` folder means its older folder-based pages; it would then answer a
first deep link such as /data with "page not found". Deciding it here, before any request,
keeps every visit on the pages app.py declares.
"""
import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"

if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())
