"""Screens of the Textual app, one per phase of the cycle plus the modal dialogs."""
