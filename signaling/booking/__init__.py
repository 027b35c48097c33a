"""Booked times and tickets, the pure rules (docs/booking.md).

* ``codes`` — the code alphabet, drawing a code from given bytes, reading what a resident typed
  or a QR code held, grouping for reading aloud, and the keyed hash the store keeps;
* ``slots`` — slots, series of them in the service's time zone, and the overlap rule;
* ``window`` — the check-in decision for a booking or a ticket at a given time;
* ``limits`` — sliding-window counters: wrong codes per kiosk and overall, bookings per kiosk;
* ``ics`` — an adviser's bookings as iCalendar;
* ``entry`` — what a code lets into the line (``Admission``) and what a ticket keeps.

No clock and no randomness here: times and random bytes are arguments. The adapter is
:mod:`signaling.booking_desk`.
"""
