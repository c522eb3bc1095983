"""Streamlit rendering modules for app.py. They render what scoring returns and decide nothing."""
