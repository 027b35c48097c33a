"""The kiosk's Qt widgets: each renders a KioskState and emits the resident's intents."""
