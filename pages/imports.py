"""Import data: GTD, UCDP GED, ACLED or project-format exports, counted with the curated events as
incidents, and the links between datasets to review."""

from datetime import date
from pathlib import Path

import streamlit as st

from geo import cache, keys
from geo.analysis.disagreements import DAYS_APART, PLACE_KM, TOLL_GAP, TOLL_SHARE, disagreeing
from geo.io.linking import CROSSWALK_COLUMNS
from geo.io.messages import failure_of
from geo.io.sniff import FORMATS
from geo.io.userfiles import (
    DECISIONS_FILE,
    UPLOAD_PREFIX,
    is_saved,
    remove_saved,
    save_decisions,
    save_import,
    saved_origin,
    shown_path,
    source_key,
    upload_source,
)
from geo.render.tables import decisions_made, link_table, to_csv_bytes
from geo.state.criteria import BROKEN_IMPORTS_KEY, DECISIONS_KEY, IMPORTS_KEY, UPLOADS_KEY
from geo.text.escape import escape_markdown
from geo.text.i18n import LANGUAGES, t
from geo.text.numbers import number_text
from widgets import choice_editor

# Streamlit writes the uploader's button and size hint in English whatever the page's language, and
# offers no option to change them: hide the hint (the caption below gives it) and replace the button's
# word with ours, which screen readers then read as the button's name.
UPLOADER_CSS = (
    "<style>"
    + "".join(
        f"""
.st-key-uploader-{lang} [data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
.st-key-uploader-{lang} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  font-size: 0; }}
.st-key-uploader-{lang} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {{
  content: "{t("import_choose", lang)}"; }}"""
        for lang in LANGUAGES
    )
    + "\n</style>"
)

view = cache.page_view(st.session_state)
lang = view.lang
# Kept in the session, and changed in place: every page's selection reads the imports from it.
imports = st.session_state.setdefault(IMPORTS_KEY, [])
uploads = st.session_state.setdefault(UPLOADS_KEY, {})
broken = st.session_state.setdefault(BROKEN_IMPORTS_KEY, [])


def drop(entry: tuple) -> None:
    """Leave an import out of the session, and its bytes when it was uploaded."""
    imports.remove(entry)
    if not any(other[0] == entry[0] for other in imports):
        uploads.pop(entry[0], None)


st.title(t("page_import", lang))
st.write(t("import_intro", lang))
st.html(UPLOADER_CSS)
with st.container(key=f"uploader-{lang}"):
    upload = st.file_uploader(t("import_file", lang), type=["csv", "xlsx"], key=keys.UPLOAD)
    st.caption(t("import_size_limit", lang, mb=st.get_option("server.maxUploadSize")))
fmt = st.selectbox(
    t("import_format", lang),
    ("auto", *FORMATS),
    key=keys.IMPORT_FORMAT,
    format_func=lambda f: t("format_auto", lang) if f == "auto" else f.upper(),
)
if upload is not None and st.button(t("import_button", lang), type="primary", key=keys.IMPORT_BUTTON):
    raw = upload.getvalue()
    entry = (upload_source(raw), upload.name, fmt, 0.0)
    uploads[entry[0]] = raw
    bar = st.progress(0.0, text=t("import_reading", lang))

    def progress(done: int, total: int) -> None:
        bar.progress(
            min(done / total, 1.0),
            text=t("import_progress", lang, done=number_text(done, lang), total=number_text(total, lang)),
        )

    try:
        # A file imported earlier in this session is in the cache: reading it again would only redraw the bar.
        result = cache.imported(*entry) if entry in imports else cache.imported_now(*entry, progress)
    except Exception as error:  # a file this reader did not foresee must still not show a traceback
        bar.empty()
        st.error(
            f"{t('import_failed', lang, name=escape_markdown(upload.name))}\n\n"
            f"{escape_markdown(failure_of(error, upload.name).text(lang))}"
        )
    else:
        bar.empty()
        (st.success if len(result.attacks) else st.error)(
            t("import_done", lang, name=escape_markdown(result.name), n=len(result.attacks), fmt=result.format.upper())
        )
        if len(result.attacks) and entry not in imports:
            imports.append(entry)
        with st.container(key=keys.IMPORT_REPORT):
            if result.skipped:
                st.warning(t("import_skipped", lang, n=result.skipped_count))
                st.dataframe(result.skipped_table(lang), hide_index=True)
            if len(result.cells):
                st.warning(t("import_cells", lang, n=len(result.cells)))
                with st.container(key=keys.IMPORT_CELLS):
                    st.dataframe(result.cell_table(lang), hide_index=True)
            for warning in result.warnings:
                st.info(escape_markdown(warning.text(lang)))
    if not any(other[0] == entry[0] for other in imports):
        uploads.pop(entry[0], None)

st.subheader(t("imports_current", lang), anchor=False)
if not imports:
    st.caption(t("imports_none", lang))
for number, entry in enumerate(list(imports)):
    try:
        result = cache.imported(*entry)
    except Exception as error:  # spoilt since the session started: listed below with the others
        drop(entry)
        broken.append((entry, failure_of(error, entry[1])))
        continue
    source, shown_name = entry[0], entry[1]
    origin = saved_origin(Path(source)) if is_saved(source) else None
    name, count, keep = st.columns([4, 1, 2])
    name.markdown(f"**{escape_markdown(shown_name)}** · {(origin[1] if origin else result.format).upper()}")
    count.markdown(str(len(result.attacks)))
    if keep.button(t("save_user", lang), key=f"{keys.SAVE_IMPORT}-{number}"):
        try:
            # A saved import is saved already: writing it again would only add a copy of it.
            saved = (
                Path(source)
                if is_saved(source)
                else save_import(result.attacks, shown_name, key=source_key(source), fmt=result.format)
            )
        except OSError as error:
            why = escape_markdown(error.strerror or type(error).__name__)
            st.error(t("save_failed", lang, name=escape_markdown(shown_name), error=why))
        else:
            st.success(t("saved_user", lang, path=escape_markdown(shown_path(saved))))
    if keep.button(t("remove", lang), key=f"{keys.REMOVE_IMPORT}-{number}"):
        drop(entry)
        st.rerun()

if broken:
    st.subheader(t("imports_broken", lang), anchor=False)
for number, (entry, why) in enumerate(list(broken)):
    saved = is_saved(entry[0])
    problem, action = st.columns([6, 1])
    problem.error(f"**{escape_markdown(entry[1])}**\n\n{escape_markdown(why.text(lang))}")
    effect = "remove_saved_help" if saved else None if entry[0].startswith(UPLOAD_PREFIX) else "remove_configured_help"
    if action.button(t("remove", lang), key=f"{keys.REMOVE_BROKEN}-{number}", help=effect and t(effect, lang)):
        if saved:
            remove_saved(entry[0])
        broken.remove((entry, why))
        st.rerun()

st.subheader(t("disagree_title", lang), anchor=False)
st.caption(t("disagree_intro", lang, days=DAYS_APART, km=int(PLACE_KM), gap=TOLL_GAP, share=round(TOLL_SHARE * 100)))
if saved := st.session_state.pop("decisions_saved_to", None):
    st.success(t("decisions_saved", lang, path=escape_markdown(saved)))
# The imports as they are now: a file imported in this run is not yet in the view's criteria.
review = cache.link_review(tuple(tuple(item) for item in imports), view.criteria["decisions"])
if not len(review):
    st.caption(t("links_none", lang))
else:
    differing = disagreeing(review)
    only = st.toggle(t("disagree_only", lang), value=len(differing) > 0, key=keys.DISAGREE_ONLY)
    shown = differing if only else review
    st.caption(t("disagree_count", lang, shown=len(shown), total=len(review), differ=len(differing)))
    edited = choice_editor(*link_table(shown, view.data.groups, lang), key=keys.LINK_REVIEW)
    decisions = st.session_state.get(DECISIONS_KEY, {})
    if (chosen := decisions_made(decisions, edited, shown, lang)) != decisions:
        changes = {pair: chosen.get(pair, "") for pair in decisions.keys() | chosen.keys()}
        changes = {pair: decision for pair, decision in changes.items() if decision != decisions.get(pair, "")}
        # Another session may have decided meanwhile: the file's decisions, with ours, are the session's now.
        st.session_state[DECISIONS_KEY] = save_decisions(changes, date.today().isoformat())
        st.session_state["decisions_saved_to"] = DECISIONS_FILE.as_posix()
        st.rerun()
    crosswalk = review[list(CROSSWALK_COLUMNS)].assign(differs=review["differs"].str.join("; "))
    st.download_button(
        t("download_crosswalk", lang),
        to_csv_bytes(crosswalk),
        file_name=f"crosswalk-{date.today().isoformat()}.csv",
        mime="text/csv",
        key=keys.DOWNLOAD_CROSSWALK,
    )
