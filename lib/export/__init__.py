"""Chart downloads after Our World in Data's: slide-ready PNG and SVG, the data drawn as CSV, and a deck.

One job a module: ``theme`` (the slide look, file names), ``renderer`` (the warm Chromium), ``stamp`` (what makes
a download reproducible), ``images`` (PNG, SVG), ``tables`` (safe CSV), ``deck`` (PowerPoint), ``cli`` (the
command line, run as ``python -m lib.export``). Import the module you need: this package imports nothing, so a
page loads kaleido and python-pptx only when a download asks for them. Pure Python: no Streamlit.
"""
