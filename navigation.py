"""Streamlit told, before it serves or tests anything, that app.py declares the pages.

Kept apart from the page modules: importing a component (streamlit_folium) before Streamlit's
runtime exists would leave it unregistered, and the map would never load."""

from streamlit.runtime.pages_manager import PagesManager


def pages_from_navigation_only() -> None:
    """Make Streamlit treat this app as one that declares its pages with st.navigation.

    Streamlit decides, when it makes its first PagesManager, whether a `pages/` folder means its
    older folder-based pages; it would then answer a first deep link such as /data with "page not
    found", and AppTest, which forgets the choice between runs, would run a page without app.py's
    sidebar. Deciding it before every PagesManager is made keeps every run on app.py's pages."""
    original = PagesManager.__init__
    if getattr(original, "navigation_only", False):
        return

    def init(self, *args, **kwargs):
        PagesManager.uses_pages_directory = False
        original(self, *args, **kwargs)

    init.navigation_only = True
    PagesManager.__init__ = init
