"""Import data: GTD, UCDP GED, ACLED or project-format exports, shown beside the curated events."""
import streamlit as st

from geo import cache, params
from geo.i18n import t
from geo.importer import FORMATS, ImportFailure
from geo.mapview import IMPORTS_KEY
from geo.tables import escape_markdown
from geo.userfiles import save_import, store_upload

state = st.session_state
lang = state[params.LANG]
imports = state.setdefault(IMPORTS_KEY, [])

st.title(t("page_import", lang))
st.write(t("import_intro", lang))
upload = st.file_uploader(t("import_file", lang), type=["csv", "xlsx"], key="upload")
fmt = st.selectbox(t("import_format", lang), ("auto",) + FORMATS, key="import_format",
                   format_func=lambda f: t("format_auto", lang) if f == "auto" else f.upper())
if upload is not None and st.button(t("import_button", lang), type="primary", key="import_button"):
    path, modified = store_upload(upload.getvalue(), upload.name)
    entry = (path, upload.name, fmt, modified)
    try:
        result = cache.imported(*entry)
    except ImportFailure as error:
        st.error(f"{t('import_failed', lang, name=escape_markdown(upload.name))}\n\n{escape_markdown(str(error))}")
    except Exception as error:  # a file this reader did not foresee must still not show a traceback
        st.error(f"{t('import_failed', lang, name=escape_markdown(upload.name))}\n\n{escape_markdown(type(error).__name__)}: "
                 f"{escape_markdown(str(error))}")
    else:
        (st.success if len(result.attacks) else st.error)(
            t("import_done", lang, name=escape_markdown(result.name), n=len(result.attacks), fmt=result.format.upper()))
        if len(result.attacks) and entry not in imports:
            imports.append(entry)
        if result.skipped:
            st.warning(t("import_skipped", lang, n=result.skipped_count))
            st.dataframe(result.skipped_table(t("reason", lang), t("rows_label", lang)), hide_index=True)
        for warning in result.warnings:
            st.info(escape_markdown(warning))

st.subheader(t("imports_current", lang), anchor=False)
if not imports:
    st.caption(t("imports_none", lang))
for number, entry in enumerate(list(imports)):
    result = cache.imported(*entry)
    name, count, keep = st.columns([4, 1, 2])
    name.markdown(f"**{escape_markdown(entry[1])}** · {result.format.upper()}")
    count.markdown(str(len(result.attacks)))
    if keep.button(t("save_user", lang), key=f"save-{number}"):
        st.success(t("saved_user", lang, path=escape_markdown(str(save_import(result.attacks, entry[1])))))
    if keep.button(t("remove", lang), key=f"remove-{number}"):
        imports.remove(entry)
        st.rerun()
