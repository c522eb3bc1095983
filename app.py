"""Injector Check: a decision aid for choosing a clinic for botulinum toxin ("Botox") injections.

Run it with ``python3 dev.py app``. The screen is built by ``ui.main``; the answers are scored by
``scoring``, the pure core.
"""

from ui.main import main

main()
