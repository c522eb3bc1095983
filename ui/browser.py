"""Three things only the browser can do, each a few lines of our own script (never anything a patient typed):

- ``remember_tab``: when this tab leaves the page (a new address typed or pasted, a reload), it keeps the
  address it had, answers and all, in the tab's own ``sessionStorage``. Nothing goes to the server, and
  the browser forgets it when the tab closes. It also makes Back and Forward go screen by screen:
  Streamlit pushes a history entry for every change of the address, and a change of answers alone
  (the same ``step`` and ``clinic``) now rewrites the entry it is on instead.
- ``recover_tab``: a session that opened on a link it cannot read brings that address back, so a broken
  link pasted into the same tab never wipes the answers that were on screen.
- ``scroll_to_top``: after "Next clinic" or "Next topic", the new content starts at the top of the screen.

Streamlit runs each in a sandboxed frame of its own page (same origin); they reach the page itself through
``window.parent``.
"""

from __future__ import annotations

import streamlit.components.v1 as components

from scoring.codec import CLINIC_PARAM, STEP_PARAM

MEMORY_KEY = "injector-check-last"
_REMEMBER = f"""<script>(function () {{
  var page = window.parent;
  if (page.__injectorCheckMemory) return;
  page.__injectorCheckMemory = true;
  var script = page.document.createElement("script");  // the page's own realm outlives this frame
  script.textContent = "window.addEventListener('pagehide', function () {{ if (location.search.indexOf('s=') !== -1) "
    + "sessionStorage.setItem('{MEMORY_KEY}', location.search); }});"
    + "(function () {{ var push = history.pushState, same = function (url) {{"
    + "  var next = new URL(url, location.href).searchParams, here = new URLSearchParams(location.search);"
    + "  return next.get('{STEP_PARAM}') === here.get('{STEP_PARAM}') && next.get('{CLINIC_PARAM}') === here.get('{CLINIC_PARAM}'); }};"
    + "  history.pushState = function (state, title, url) {{"
    + "    if (url != null && same(url)) return history.replaceState(state, title, url);"
    + "    return push.apply(history, arguments); }}; }})();";
  page.document.head.appendChild(script);
}})();</script>"""
_RECOVER = f"""<script>(function () {{
  var page = window.parent, last = page.sessionStorage.getItem("{MEMORY_KEY}");
  if (!last || last === page.location.search || page.location.search.indexOf("recovered=") !== -1) return;
  var script = page.document.createElement("script");  // the page navigates itself: this frame may not
  script.textContent = "location.replace(location.pathname + " + JSON.stringify(last + "&recovered=1") + ");";
  page.document.head.appendChild(script);
}})();</script>"""
_SCROLL = """<script>(function () {
  var main = window.parent.document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo({top: 0});
})(); /* %d */</script>"""


def remember_tab() -> None:
    components.html(_REMEMBER, height=0)


def recover_tab() -> None:
    components.html(_RECOVER, height=0)


def scroll_to_top(nonce: int) -> None:
    """``nonce`` changes each time: an unchanged frame would not run its script again."""
    components.html(_SCROLL % nonce, height=0)
