"""Booking a time and keeping a ticket at the kiosk (issue #14, docs/booking.md §Kiosk).

Pure parts, no Qt and no asyncio: :mod:`.entry` (what a resident types or shows the camera),
:mod:`.calendar` (days and times in the resident's language), :mod:`.steps` (the pages of the
booking screen). The intents that move between them are kiosk/flow_booking.py.
"""
