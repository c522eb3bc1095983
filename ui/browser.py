"""Three things only the browser can do, each a few lines of our own script (never anything a patient typed):

- ``remember_tab``: when this tab leaves the page (a new address typed or pasted, a reload), it keeps the
  address it had, answers and all, in the tab's own ``sessionStorage``. Nothing goes to the server, and
  the browser forgets it when the tab closes. It also makes Back and Forward go screen by screen:
  Streamlit pushes a history entry for every change of the address, and a change of answers alone
  (the same ``step`` and ``clinic``) now rewrites the entry it is on instead.
- ``recover_tab``: a session that opened on a link it cannot read brings that address back, so a broken
  link pasted into the same tab never wipes the answers that were on screen.
- ``scroll_to_top``: after "Next clinic" or "Next topic", the new content starts at the top of the screen.

Each runs in the page itself (``st.html`` with its scripts allowed: no frame, and no height on screen), and
only once per drawing: Streamlit leaves an unchanged element alone on later runs.
"""

from __future__ import annotations

import streamlit as st

from scoring.codec import CLINIC_PARAM, STEP_PARAM

MEMORY_KEY = "injector-check-last"
_REMEMBER = f"""<script>(function () {{
  if (window.__injectorCheckMemory) return;
  window.__injectorCheckMemory = true;
  window.addEventListener("pagehide", function () {{
    if (location.search.indexOf("s=") !== -1) sessionStorage.setItem("{MEMORY_KEY}", location.search);
  }});
  var push = history.pushState;
  var same = function (url) {{
    var next = new URL(url, location.href).searchParams, here = new URLSearchParams(location.search);
    return next.get("{STEP_PARAM}") === here.get("{STEP_PARAM}")
      && next.get("{CLINIC_PARAM}") === here.get("{CLINIC_PARAM}");
  }};
  history.pushState = function (state, title, url) {{
    if (url != null && same(url)) return history.replaceState(state, title, url);
    return push.apply(history, arguments);
  }};
}})();</script>"""
_RECOVER = f"""<script>(function () {{
  var last = sessionStorage.getItem("{MEMORY_KEY}");
  if (!last || last === location.search || location.search.indexOf("recovered=") !== -1) return;
  location.replace(location.pathname + last + "&recovered=1");
}})();</script>"""
_SCROLL = """<script>(function () {
  var main = document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo({top: 0});
})(); /* %d */</script>"""


def _run(script: str) -> None:
    """Our own script (never a patient's text), run in the page."""
    st.html(script, unsafe_allow_javascript=True)


def remember_tab() -> None:
    _run(_REMEMBER)


def recover_tab() -> None:
    _run(_RECOVER)


def scroll_to_top(nonce: int) -> None:
    """``nonce`` changes each time: an unchanged element would not run its script again."""
    _run(_SCROLL % nonce)
