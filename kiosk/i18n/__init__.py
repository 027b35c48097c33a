"""Qt translation catalogues: kiosk_<lang>.ts (edited by translators), kiosk_<lang>.qm (built)."""
